import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DeadlineKind, DeadlineParty } from '../deadline.entity';
import { AnswerLapseHandler } from './answer-lapse.port';

export interface SweepResult {
  readonly atRisk: number;
  readonly breached: number;
  readonly lapsed: number;
}

interface FlaggedRow {
  id: string;
  case_id: string;
  reference: string;
  kind: DeadlineKind;
  party: DeadlineParty;
  subject_id: string | null;
  due_at: Date;
}

interface SweepEvent {
  readonly type: string;
  readonly ref: string;
  readonly payload: Record<string, unknown>;
}

// Both conditions are written exactly as the partial indexes of migration 1764000201000 are, so
// each batch reads only the newly due rows of ix_case_deadline_breach_pending / _at_risk_pending.
// `= ANY(ARRAY(…))` keeps the update on primary-key lookups whatever the table's size; the case
// reference is looked up per flagged row for the same reason.
const BREACH_BATCH = `
  UPDATE case_deadline d
     SET breached_at = $1, at_risk_at = COALESCE(d.at_risk_at, $1)
   WHERE d.breached_at IS NULL
     AND d.id = ANY (ARRAY(
       SELECT id FROM case_deadline
        WHERE due_at <= $1
          AND met_at IS NULL AND breached_at IS NULL AND cancelled_at IS NULL
          AND paused_since IS NULL
        ORDER BY due_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED))
  RETURNING d.id, d.case_id, d.kind, d.party, d.subject_id, d.due_at,
            (SELECT c.reference FROM ombudsman_case c WHERE c.id = d.case_id) AS reference`;

const AT_RISK_BATCH = `
  UPDATE case_deadline d
     SET at_risk_at = $1
   WHERE d.at_risk_at IS NULL
     AND d.id = ANY (ARRAY(
       SELECT id FROM case_deadline
        WHERE at_risk_due_at <= $1
          AND met_at IS NULL AND breached_at IS NULL AND at_risk_at IS NULL
          AND cancelled_at IS NULL AND paused_since IS NULL
        ORDER BY at_risk_due_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED))
  RETURNING d.id, d.case_id, d.kind, d.party, d.subject_id, d.due_at,
            (SELECT c.reference FROM ombudsman_case c WHERE c.id = d.case_id) AS reference`;

// One round trip, no transaction: the common case is a sweep with nothing to do. Each side reads
// the first entry of its partial index, whatever the planner's statistics say.
const PENDING = `
  SELECT (SELECT due_at FROM case_deadline
           WHERE met_at IS NULL AND breached_at IS NULL AND cancelled_at IS NULL
             AND paused_since IS NULL
           ORDER BY due_at LIMIT 1) <= $1 AS breach,
         (SELECT at_risk_due_at FROM case_deadline
           WHERE met_at IS NULL AND breached_at IS NULL AND at_risk_at IS NULL
             AND cancelled_at IS NULL AND paused_since IS NULL
           ORDER BY at_risk_due_at LIMIT 1) <= $1 AS risk`;

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
    const [pending] = (await this.dataSource.query(PENDING, [now])) as {
      breach: boolean | null;
      risk: boolean | null;
    }[];
    // Breaches first: a deadline found already past due is breached, not first "at risk".
    for (let more = pending.breach === true; more;) {
      const batch = await this.batch(BREACH_BATCH, now, (m, rows) => this.onBreached(m, rows, now));
      breached += batch.count;
      lapsed += batch.lapsed;
      more = batch.count === this.config.sla.sweepBatchSize;
    }
    for (let more = pending.risk === true; more;) {
      const batch = await this.batch(AT_RISK_BATCH, now, (m, rows) => this.onAtRisk(m, rows));
      atRisk += batch.count;
      more = batch.count === this.config.sla.sweepBatchSize;
    }
    if (breached + atRisk > 0) {
      this.logger.log(`SLA sweep: ${breached} breached, ${atRisk} at risk, ${lapsed} lapsed`);
    }
    return { atRisk, breached, lapsed };
  }

  private batch(
    sql: string,
    now: Date,
    then: (manager: EntityManager, rows: FlaggedRow[]) => Promise<number>,
  ): Promise<{ count: number; lapsed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(sql, [now, this.config.sla.sweepBatchSize])) as [
        FlaggedRow[],
        number,
      ];
      if (rows.length === 0) return { count: 0, lapsed: 0 };
      const lapsed = await then(manager, rows);
      return { count: rows.length, lapsed };
    });
  }

  private async onBreached(manager: EntityManager, rows: FlaggedRow[], now: Date) {
    const events = rows.flatMap((row): SweepEvent[] => {
      const breach = { type: 'sla.breached', ref: row.reference, payload: payloadOf(row, now) };
      if (row.kind !== 'remedy_payment') return [breach];
      const overdue = { ...payloadOf(row, now), remedyId: row.subject_id };
      return [breach, { type: 'remedy.overdue', ref: row.reference, payload: overdue }];
    });
    await recordEvents(manager, events);
    let lapsed = 0;
    for (const row of rows.filter((r) => r.kind === 'decision_answer')) {
      if (await this.lapse(manager, row)) lapsed += 1;
    }
    return lapsed;
  }

  private async onAtRisk(manager: EntityManager, rows: FlaggedRow[]) {
    await recordEvents(
      manager,
      rows.map((row) => ({ type: 'sla.at_risk', ref: row.reference, payload: payloadOf(row) })),
    );
    return 0;
  }

  /** The customer let the answer time pass: the decision lapses and the case closes. */
  private lapse(manager: EntityManager, row: FlaggedRow): Promise<boolean> {
    if (this.lapses === null) throw new Error('No handler of lapsed decisions is registered');
    return this.lapses.lapse(manager, {
      caseId: row.case_id,
      deadlineId: row.id,
      dueAt: row.due_at,
    });
  }
}

function payloadOf(row: FlaggedRow, breachedAt?: Date): Record<string, unknown> {
  return {
    reference: row.reference,
    deadlineId: row.id,
    kind: row.kind,
    party: row.party,
    dueAt: row.due_at.toISOString(),
    ...(breachedAt ? { breachedAt: breachedAt.toISOString() } : {}),
  };
}

/**
 * The batch's events in one INSERT, the same rows OutboxService.record writes one at a time: a
 * thousand newly due deadlines must not cost a thousand round trips.
 */
async function recordEvents(manager: EntityManager, events: readonly SweepEvent[]) {
  await manager.query(
    `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload)
     SELECT e.type, 'case', e.ref, e.payload
       FROM jsonb_to_recordset($1::jsonb) AS e(type text, ref text, payload jsonb)`,
    [JSON.stringify(events)],
  );
}
