import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { formatCaseReference } from './case-reference';
import { CaseReferenceRepository } from './case-reference.repository';

/**
 * Hands out per-year references from one PostgreSQL sequence per year: concurrent filings never
 * wait on each other (a counter row would serialise them), and a rolled-back filing only leaves a
 * gap in the numbers.
 *
 * Sequences are created on their own connection, never inside a filing's transaction: a filing
 * that held its transaction's connection while waiting for a second one could, with every pooled
 * connection held the same way, wait forever (the first burst of filings of a year did exactly
 * that under load). So they are made at start-up for this year and the next, and `prepare` is
 * called before a filing's transaction opens.
 */
@Injectable()
export class CaseReferenceAllocator implements OnApplicationBootstrap {
  private readonly ready = new Map<number, Promise<void>>();

  constructor(private readonly sequences: CaseReferenceRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.prepare(new Date());
  }

  /** Makes sure `next` will not need a connection of its own for `at`'s year or the next one. */
  async prepare(at: Date): Promise<void> {
    const year = at.getUTCFullYear();
    await Promise.all([this.ensureSequence(year), this.ensureSequence(year + 1)]);
  }

  async next(manager: EntityManager, at: Date): Promise<string> {
    const year = at.getUTCFullYear();
    await this.ensureSequence(year);
    return formatCaseReference(year, await this.sequences.nextNumber(manager, year));
  }

  /** Once per year and process; concurrent callers share the one creation in flight. */
  private ensureSequence(year: number): Promise<void> {
    let pending = this.ready.get(year);
    if (!pending) {
      pending = this.createSequence(year);
      this.ready.set(year, pending);
      pending.catch(() => this.ready.delete(year));
    }
    return pending;
  }

  private async createSequence(year: number): Promise<void> {
    try {
      await this.sequences.createSequence(year);
    } catch (error) {
      // Two instances creating the same year's sequence at once: the loser sees a duplicate.
      if (!/already exists|duplicate key/.test((error as Error).message)) throw error;
    }
  }
}
