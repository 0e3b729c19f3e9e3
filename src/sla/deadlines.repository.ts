import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  changedRowsOf,
  float,
  oneOf,
  RawRow,
  rowsOf,
  timestamp,
  timestampOrNull,
} from '../common/sql-rows';
import { DEADLINE_PARTIES, DeadlineEntity, DeadlineKind, DeadlineParty } from './deadline.entity';
import { DEADLINE_KINDS } from './sla-policy';

export interface NewDeadlineRow {
  readonly kind: DeadlineKind;
  readonly party: DeadlineParty;
  readonly startedAt: Date;
  readonly dueAt: Date;
  readonly subjectId: string | null;
}

/** A deadline as a write answers it: which one, and when it falls due. */
export interface DeadlineDue {
  readonly kind: DeadlineKind;
  readonly party: DeadlineParty;
  readonly dueAt: Date;
}

function dueOf(row: RawRow): DeadlineDue {
  return {
    kind: oneOf(row, 'kind', DEADLINE_KINDS),
    party: oneOf(row, 'party', DEADLINE_PARTIES),
    dueAt: timestamp(row, 'due_at'),
  };
}

// The case waits on the customer while a question to them is open.
const WAITS_ON_CUSTOMER = `EXISTS (
  SELECT 1 FROM case_deadline w
   WHERE w.case_id = $1 AND w.kind = 'information_request' AND w.party = 'customer'
     AND w.met_at IS NULL AND w.cancelled_at IS NULL)`;

/** The deadlines of cases (table case_deadline); every write runs in the caller's transaction. */
@Injectable()
export class DeadlinesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One statement for all; one the office or company owes starts paused while the case waits on the customer. */
  async insertAll(
    manager: EntityManager,
    caseId: string,
    deadlines: readonly NewDeadlineRow[],
  ): Promise<(DeadlineDue & { pausedSince: Date | null })[]> {
    return rowsOf(
      await manager.query(
        `INSERT INTO case_deadline (case_id, kind, party, started_at, due_at, subject_id, paused_since)
         SELECT $1, d.kind, d.party, d.started_at, d.due_at, d.subject_id,
                CASE WHEN d.party <> 'customer' AND ${WAITS_ON_CUSTOMER} THEN d.started_at END
           FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::uuid[])
                AS d (kind, party, started_at, due_at, subject_id)
         RETURNING kind, party, due_at, paused_since`,
        [
          caseId,
          deadlines.map((d) => d.kind),
          deadlines.map((d) => d.party),
          deadlines.map((d) => d.startedAt),
          deadlines.map((d) => d.dueAt),
          deadlines.map((d) => d.subjectId),
        ],
      ),
      (row) => ({ ...dueOf(row), pausedSince: timestampOrNull(row, 'paused_since') }),
    );
  }

  /** The open deadlines of these kinds are met now; met ones keep their first time. */
  async meetKinds(
    manager: EntityManager,
    caseId: string,
    kinds: readonly DeadlineKind[],
  ): Promise<void> {
    await manager.query(
      `UPDATE case_deadline SET met_at = now()
        WHERE case_id = $1 AND kind = ANY($2) AND met_at IS NULL AND cancelled_at IS NULL`,
      [caseId, kinds],
    );
  }

  /** `unlessBreached`: kinds met only while not yet breached. */
  async meetOnStatus(
    manager: EntityManager,
    caseId: string,
    kinds: readonly DeadlineKind[],
    unlessBreached: readonly DeadlineKind[],
  ): Promise<void> {
    await manager.query(
      `UPDATE case_deadline SET met_at = now()
        WHERE case_id = $1 AND met_at IS NULL AND cancelled_at IS NULL
          AND (kind = ANY($2) OR (kind = ANY($3) AND breached_at IS NULL))`,
      [caseId, kinds, unlessBreached],
    );
  }

  async meetSubject(manager: EntityManager, subjectId: string): Promise<void> {
    await manager.query(
      'UPDATE case_deadline SET met_at = now() WHERE subject_id = $1 AND met_at IS NULL',
      [subjectId],
    );
  }

  /** The case closed: whatever is still owed is cancelled. */
  async cancelOpen(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(
      `UPDATE case_deadline SET cancelled_at = now(), paused_since = NULL
        WHERE case_id = $1 AND met_at IS NULL AND cancelled_at IS NULL`,
      [caseId],
    );
  }

  /** Stops the running clocks the office and the company owe; a breached one keeps its date. */
  async pauseOwedByOthers(
    manager: EntityManager,
    caseId: string,
    at: Date,
  ): Promise<DeadlineDue[]> {
    return changedRowsOf(
      await manager.query(
        `UPDATE case_deadline SET paused_since = $2
          WHERE case_id = $1 AND party IN ('office', 'company') AND paused_since IS NULL
            AND met_at IS NULL AND breached_at IS NULL AND cancelled_at IS NULL
          RETURNING kind, party, due_at`,
        [caseId, at],
      ),
      dueOf,
    );
  }

  /** Runs the stopped clocks again, each due (and at-risk) instant moved by the time it stood still. */
  async resume(
    manager: EntityManager,
    caseId: string,
    at: Date,
  ): Promise<(DeadlineDue & { pausedMs: number })[]> {
    return changedRowsOf(
      await manager.query(
        `WITH stopped AS (
           SELECT id, paused_since FROM case_deadline
            WHERE case_id = $1 AND paused_since IS NOT NULL AND paused_since <= $2
              AND NOT ${WAITS_ON_CUSTOMER}
            FOR UPDATE)
         UPDATE case_deadline d
            SET due_at = d.due_at + ($2::timestamptz - s.paused_since),
                at_risk_due_at = d.at_risk_due_at + ($2::timestamptz - s.paused_since),
                paused_seconds = d.paused_seconds
                  + round(extract(epoch FROM $2::timestamptz - s.paused_since))::bigint,
                paused_since = NULL
           FROM stopped s
          WHERE d.id = s.id
          RETURNING d.kind, d.party, d.due_at,
                    round(extract(epoch FROM $2::timestamptz - s.paused_since) * 1000)::float8 AS paused_ms`,
        [caseId, at],
      ),
      (row) => ({ ...dueOf(row), pausedMs: float(row, 'paused_ms') }),
    );
  }

  listForCase(caseId: string, manager?: EntityManager): Promise<DeadlineEntity[]> {
    return (manager ?? this.dataSource.manager)
      .getRepository(DeadlineEntity)
      .find({ where: { caseId }, order: { dueAt: 'ASC' } });
  }
}
