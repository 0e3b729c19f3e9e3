import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AnswerLapseHandler } from './answer-lapse.port';
import { Flag, FlaggedRow, SlaSweepRepository } from './sla-sweep.repository';

export interface SweepResult {
  readonly atRisk: number;
  readonly breached: number;
  readonly lapsed: number;
}

/**
 * Flags deadlines at risk (80% of their running time) and breached (past due), writes their
 * events, and closes a case whose decision went unanswered. Each batch is one
 * transaction that locks its rows with SKIP LOCKED: several instances sweeping at once share the
 * work, and a flag, its event and a lapse happen exactly once. Paused deadlines are not in the
 * indexes, so they are never flagged while the case waits on the customer.
 */
@Injectable()
export class SlaSweep {
  private readonly logger = new Logger(SlaSweep.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sweep: SlaSweepRepository,
  ) {}

  private lapses: AnswerLapseHandler | null = null;

  /** The case core's answer to a lapsed decision (see answer-lapse.port.ts). */
  handleLapsesWith(handler: AnswerLapseHandler): void {
    this.lapses = handler;
  }

  async run(now: Date = new Date()): Promise<SweepResult> {
    let breached = 0;
    let lapsed = 0;
    let atRisk = 0;
    const pending = await this.sweep.pending(now);
    // Breaches first: a deadline found already past due is breached, not first "at risk".
    for (let more = pending.breach === true; more;) {
      const batch = await this.batch('breached', now, (m, rows) => this.onBreached(m, rows));
      breached += batch.count;
      lapsed += batch.lapsed;
      more = batch.count === this.config.sla.sweepBatchSize;
    }
    for (let more = pending.risk === true; more;) {
      const batch = await this.batch('at_risk', now, () => this.onAtRisk());
      atRisk += batch.count;
      more = batch.count === this.config.sla.sweepBatchSize;
    }
    if (breached + atRisk > 0) {
      this.logger.log(`SLA sweep: ${breached} breached, ${atRisk} at risk, ${lapsed} lapsed`);
    }
    return { atRisk, breached, lapsed };
  }

  private batch(
    flag: Flag,
    now: Date,
    then: (manager: EntityManager, rows: FlaggedRow[]) => Promise<number>,
  ): Promise<{ count: number; lapsed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.sweep.flag(manager, flag, now, this.config.sla.sweepBatchSize);
      if (rows.length === 0) return { count: 0, lapsed: 0 };
      const lapsed = await then(manager, rows);
      return { count: rows.length, lapsed };
    });
  }

  private async onBreached(manager: EntityManager, rows: FlaggedRow[]) {
    let lapsed = 0;
    for (const row of rows.filter((r) => r.kind === 'decision_answer')) {
      if (await this.lapse(manager, row)) lapsed += 1;
    }
    return lapsed;
  }

  private onAtRisk(): Promise<number> {
    return Promise.resolve(0);
  }

  /** The customer let the answer time pass: the decision lapses and the case closes. */
  private lapse(manager: EntityManager, row: FlaggedRow): Promise<boolean> {
    if (this.lapses === null) throw new Error('No handler of lapsed decisions is registered');
    return this.lapses.lapse(manager, {
      caseId: row.caseId,
      deadlineId: row.id,
      dueAt: row.dueAt,
    });
  }
}
