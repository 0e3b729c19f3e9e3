import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { firstRowOf, text } from '../common/sql-rows';

/** The SQL of the staff directory: the name each `sub` last carried in a token. */
@Injectable()
export class StaffDirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async remember(sub: string, name: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO staff_directory (sub, name) VALUES ($1, $2)
       ON CONFLICT (sub) DO UPDATE SET name = EXCLUDED.name, seen_at = now()`,
      [sub, name],
    );
  }

  async nameOf(sub: string, manager?: EntityManager): Promise<string | null> {
    return firstRowOf(
      await (manager ?? this.dataSource.manager).query(
        'SELECT name FROM staff_directory WHERE sub = $1',
        [sub],
      ),
      (row) => text(row, 'name'),
    );
  }
}
