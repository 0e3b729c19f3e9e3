import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EntityList, dataSourceOptions } from './data-source-options';

/** The data source of the service; the composition root names its entities (src/entities.ts). */
@Module({})
export class DatabaseModule {
  static forRoot(entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            if (!config.databaseUrl)
              throw new Error('DATABASE_URL must be resolved before the app starts');
            return dataSourceOptions(config.databaseUrl, {
              poolSize: config.databasePoolSize,
              poolTimeoutMs: config.databasePoolTimeoutMs,
              entities,
            });
          },
        }),
      ],
    };
  }
}
