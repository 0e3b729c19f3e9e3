import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertedRowOf, integer } from '../common/sql-rows';

/** What readiness asks the database: the migrations it knows, and how many are applied. */
@Injectable()
export class SchemaMigrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The migrations this build carries. */
  expected(): number {
    return this.dataSource.migrations.length;
  }

  /** Throws when the database does not answer. */
  async applied(): Promise<number> {
    return insertedRowOf(
      await this.dataSource.query('SELECT count(*)::int AS n FROM schema_migrations'),
      (row) => integer(row, 'n'),
    );
  }
}
