import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeadlineEntity, DeadlineKind, DeadlineParty } from './deadline.entity';
import { deadlineEffects } from './deadline-status-rules';

export interface NewDeadline {
  readonly caseId: string;
  readonly kind: DeadlineKind;
  readonly party: DeadlineParty;
  readonly startedAt: Date;
  readonly dueAt: Date;
  /** The information request or remedy the deadline belongs to. */
  readonly subjectId?: string;
}

/** A deadline as every view shows it (kind, party, dueAt, paused, breached, metAt). */
export interface DeadlineView {
  readonly kind: DeadlineKind;
  readonly party: DeadlineParty;
  readonly dueAt: string;
  readonly paused: boolean;
  readonly breached: boolean;
  readonly metAt: string | null;
}

/** A clock that stopped or started again, for the timeline and the audit log. */
export interface ClockChange {
  readonly kind: DeadlineKind;
  readonly party: DeadlineParty;
  readonly dueAt: string;
  /** On resume: how long it stood still, in milliseconds. */
  readonly pausedMs?: number;
}

// The case waits on the customer while a question to them is open.
const WAITS_ON_CUSTOMER = `EXISTS (
  SELECT 1 FROM case_deadline w
   WHERE w.case_id = $1 AND w.kind = 'information_request' AND w.party = 'customer'
     AND w.met_at IS NULL AND w.cancelled_at IS NULL)`;

@Injectable()
export class DeadlinesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Opens a deadline; one the office or company owes starts paused while the case waits on the customer. */
  async open(manager: EntityManager, deadline: NewDeadline): Promise<void> {
    await this.openAll(manager, deadline.caseId, [deadline]);
  }

  /** Opens several deadlines of one case in one statement and answers them as views. */
  async openAll(
    manager: EntityManager,
    caseId: string,
    deadlines: readonly Omit<NewDeadline, 'caseId'>[],
  ): Promise<DeadlineView[]> {
    const rows = (await manager.query(
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
        deadlines.map((d) => d.subjectId ?? null),
      ],
    )) as { kind: DeadlineKind; party: DeadlineParty; due_at: Date; paused_since: Date | null }[];
    return rows
      .map((row) => ({
        kind: row.kind,
        party: row.party,
        dueAt: row.due_at.toISOString(),
        paused: row.paused_since !== null,
        breached: false,
        metAt: null,
      }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Marks the open deadlines of these kinds as met now; met ones keep their first time. */
  async meet(
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

  async meetSubject(manager: EntityManager, subjectId: string): Promise<void> {
    await manager.query(
      'UPDATE case_deadline SET met_at = now() WHERE subject_id = $1 AND met_at IS NULL',
      [subjectId],
    );
  }

  /** Called by the case's one status-changing path, in its transaction. */
  async followStatus(manager: EntityManager, caseId: string, from: string, to: string) {
    const effects = deadlineEffects(from, to);
    if (effects.meet.length + effects.meetUnlessBreached.length > 0) {
      await manager.query(
        `UPDATE case_deadline SET met_at = now()
          WHERE case_id = $1 AND met_at IS NULL AND cancelled_at IS NULL
            AND (kind = ANY($2) OR (kind = ANY($3) AND breached_at IS NULL))`,
        [caseId, effects.meet, effects.meetUnlessBreached],
      );
    }
    if (effects.cancelRest) {
      await manager.query(
        `UPDATE case_deadline SET cancelled_at = now(), paused_since = NULL
          WHERE case_id = $1 AND met_at IS NULL AND cancelled_at IS NULL`,
        [caseId],
      );
    }
  }

  /**
   * The case now waits on the customer: the running clocks the office and the company owe stop.
   * One already breached stays breached and keeps its date.
   */
  async pauseForCustomer(manager: EntityManager, caseId: string, at: Date): Promise<ClockChange[]> {
    const [rows] = (await manager.query(
      `UPDATE case_deadline SET paused_since = $2
        WHERE case_id = $1 AND party IN ('office', 'company') AND paused_since IS NULL
          AND met_at IS NULL AND breached_at IS NULL AND cancelled_at IS NULL
        RETURNING kind, party, due_at`,
      [caseId, at],
    )) as [{ kind: DeadlineKind; party: DeadlineParty; due_at: Date }[], number];
    return rows.map((r) => ({ kind: r.kind, party: r.party, dueAt: r.due_at.toISOString() }));
  }

  /**
   * The customer answered their last open question: the stopped clocks run again, each due
   * (and at-risk) instant moved by exactly the time it stood still.
   */
  async resumeAfterCustomer(
    manager: EntityManager,
    caseId: string,
    at: Date,
  ): Promise<ClockChange[]> {
    const [rows] = (await manager.query(
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
    )) as [{ kind: DeadlineKind; party: DeadlineParty; due_at: Date; paused_ms: number }[], number];
    return rows.map((r) => ({
      kind: r.kind,
      party: r.party,
      dueAt: r.due_at.toISOString(),
      pausedMs: r.paused_ms,
    }));
  }

  async listForCase(
    caseId: string,
    now = new Date(),
    manager?: EntityManager,
  ): Promise<DeadlineView[]> {
    const rows = await (manager ?? this.dataSource.manager)
      .getRepository(DeadlineEntity)
      .find({ where: { caseId }, order: { dueAt: 'ASC' } });
    return rows.map((row) => toView(row, now));
  }
}

export function toView(row: DeadlineEntity, now: Date): DeadlineView {
  const missed = row.metAt
    ? row.metAt > row.dueAt
    : row.dueAt < (row.cancelledAt ?? now) && !row.pausedSince;
  return {
    kind: row.kind,
    party: row.party,
    dueAt: row.dueAt.toISOString(),
    paused: row.pausedSince !== null,
    breached: row.breachedAt !== null || missed,
    metAt: row.metAt?.toISOString() ?? null,
  };
}
