import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  booleanOrNull,
  insertedRowOf,
  oneOf,
  RawRow,
  rowsOf,
  text,
  textOrNull,
  timestamp,
} from '../../common/sql-rows';
import { DEADLINE_PARTIES, DeadlineKind, DeadlineParty } from '../deadline.entity';
import { DEADLINE_KINDS } from '../sla-policy';

/** A deadline a batch has just flagged, with its case's reference for the events. */
export interface FlaggedRow {
  readonly id: string;
  readonly caseId: string;
  readonly reference: string;
  readonly kind: DeadlineKind;
  readonly party: DeadlineParty;
  readonly subjectId: string | null;
  readonly dueAt: Date;
}

export type Flag = 'breached' | 'at_risk';

function flaggedOf(row: RawRow): FlaggedRow {
  return {
    id: text(row, 'id'),
    caseId: text(row, 'case_id'),
    reference: text(row, 'reference'),
    kind: oneOf(row, 'kind', DEADLINE_KINDS),
    party: oneOf(row, 'party', DEADLINE_PARTIES),
    subjectId: textOrNull(row, 'subject_id'),
    dueAt: timestamp(row, 'due_at'),
  };
}

// Both conditions are written exactly as the partial indexes of migration 1764000201000 are, so
// each batch reads only the newly due rows of ix_case_deadline_breach_pending / _at_risk_pending.
// `= ANY(ARRAY(…))` keeps the update on primary-key lookups whatever the table's size; the case
// reference is looked up per flagged row for the same reason.
const FLAG: Record<Flag, string> = {
  breached: `
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
            (SELECT c.reference FROM ombudsman_case c WHERE c.id = d.case_id) AS reference`,
  at_risk: `
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
            (SELECT c.reference FROM ombudsman_case c WHERE c.id = d.case_id) AS reference`,
};

// The payload OutboxService.record would write for a flagged row `f`: times as Date.toISOString
// writes them ($3 is the sweep's time in that form).
const PAYLOAD = `jsonb_build_object('reference', f.reference, 'deadlineId', f.id::text,
  'kind', f.kind, 'party', f.party,
  'dueAt', to_char(f.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/**
 * A batch's flags and its events in one statement: the flagged rows go straight into the outbox
 * insert, without a round trip, or their JSON, through Node. Events are written in the order of
 * the deadlines (a remedy's `remedy.overdue` right after its `sla.breached`), as one INSERT.
 */
/** The event types a sweep writes, as constants (src/notifications/webhooks/event-catalogue.spec.ts reads them). */
const EVENTS = {
  breached: { type: 'sla.breached' },
  overdue: { type: 'remedy.overdue' },
  atRisk: { type: 'sla.at_risk' },
} as const;

const BATCH: Record<Flag, string> = {
  breached: `
  WITH f AS (${FLAG.breached}),
  events AS (
    INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload)
    SELECT e.type, 'case', f.reference, e.payload
      FROM f CROSS JOIN LATERAL (
        SELECT 1 AS n, '${EVENTS.breached.type}' AS type, ${PAYLOAD} || jsonb_build_object('breachedAt', $3::text) AS payload
        UNION ALL
        SELECT 2, '${EVENTS.overdue.type}',
               ${PAYLOAD} || jsonb_build_object('breachedAt', $3::text, 'remedyId', f.subject_id)
         WHERE f.kind = 'remedy_payment') e
     ORDER BY f.due_at, f.id, e.n)
  SELECT * FROM f`,
  at_risk: `
  WITH f AS (${FLAG.at_risk}),
  events AS (
    INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload)
    SELECT '${EVENTS.atRisk.type}', 'case', f.reference, ${PAYLOAD} FROM f ORDER BY f.due_at, f.id)
  SELECT * FROM f`,
};

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
 * The sweep's SQL: what is pending, and the flagging batches with their events, each batch's
 * written by the statement that flags it (so the event types it writes are named here).
 */
@Injectable()
export class SlaSweepRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async pending(now: Date): Promise<{ breach: boolean; risk: boolean }> {
    return insertedRowOf(await this.dataSource.query(PENDING, [now]), (row) => ({
      breach: booleanOrNull(row, 'breach') === true,
      risk: booleanOrNull(row, 'risk') === true,
    }));
  }

  /**
   * Flags up to `limit` newly due deadlines, skipping those another sweeper holds, and writes
   * their events (`sla.breached`, and `remedy.overdue` besides for a payment deadline, or
   * `sla.at_risk`) in the same statement: a thousand newly due deadlines cost one round trip.
   */
  async flag(manager: EntityManager, flag: Flag, now: Date, limit: number): Promise<FlaggedRow[]> {
    const params = flag === 'breached' ? [now, limit, now.toISOString()] : [now, limit];
    return rowsOf(await manager.query(BATCH[flag], params), flaggedOf);
  }
}
