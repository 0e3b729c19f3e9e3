import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { bigintNumber, insertedRowOf } from '../common/sql-rows';

/** One year's sequence name; the year is checked before it is written into SQL. */
function sequenceOf(year: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error(`bad year ${year}`);
  return `case_reference_seq_${year}`;
}

/** The per-year PostgreSQL sequences case references are numbered from. */
@Injectable()
export class CaseReferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** On a connection of its own, never inside a filing's transaction (case-reference.allocator.ts). */
  async createSequence(year: number): Promise<void> {
    await this.dataSource.query(`CREATE SEQUENCE IF NOT EXISTS ${sequenceOf(year)} AS bigint`);
  }

  async nextNumber(manager: EntityManager, year: number): Promise<number> {
    return insertedRowOf(await manager.query(`SELECT nextval('${sequenceOf(year)}') AS n`), (row) =>
      bigintNumber(row, 'n'),
    );
  }
}
