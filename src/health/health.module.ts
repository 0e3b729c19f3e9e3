import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { SchemaMigrationsRepository } from './schema-migrations.repository';

@Module({ controllers: [HealthController], providers: [SchemaMigrationsRepository] })
export class HealthModule {}
