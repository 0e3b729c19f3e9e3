import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { formatCaseReference } from './case-reference';

/**
 * Hands out per-year references from one PostgreSQL sequence per year: concurrent filings never
 * wait on each other (a counter row would serialise them), and a rolled-back filing only leaves a
 * gap in the numbers.
 */
@Injectable()
export class CaseReferenceAllocator {
  private readonly knownYears = new Set<number>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async next(manager: EntityManager, at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    await this.ensureSequence(year);
    const [row] = (await manager.query(`SELECT nextval('case_reference_seq_${year}') AS n`)) as {
      n: string;
    }[];
    return formatCaseReference(year, Number(row.n));
  }

  /** Sequences are created outside the filing's transaction, once per year and process. */
  private async ensureSequence(year: number): Promise<void> {
    if (this.knownYears.has(year)) return;
    if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error(`bad year ${year}`);
    try {
      await this.dataSource.query(
        `CREATE SEQUENCE IF NOT EXISTS case_reference_seq_${year} AS bigint`,
      );
    } catch (error) {
      // Two instances creating the same year's sequence at once: the loser sees a duplicate.
      if (!/already exists|duplicate key/.test((error as Error).message)) throw error;
    }
    this.knownYears.add(year);
  }
}
