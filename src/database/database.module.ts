import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl)
          throw new Error('DATABASE_URL must be resolved before the app starts');
        return dataSourceOptions(config.databaseUrl, {
          poolSize: config.databasePoolSize,
          poolTimeoutMs: config.databasePoolTimeoutMs,
        });
      },
    }),
  ],
})
export class DatabaseModule {}
