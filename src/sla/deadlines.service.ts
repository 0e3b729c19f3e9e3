import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeadlineEntity, DeadlineKind, DeadlineParty } from './deadline.entity';
import { deadlineEffects } from './deadline-status-rules';
import { DeadlinesRepository } from './deadlines.repository';

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

/**
 * What deadlines do: opened by filing and commands, met, paused while the case waits on the
 * customer, moved when it answers, and followed on each status change. The SQL is
 * DeadlinesRepository's.
 */
@Injectable()
export class DeadlinesService {
  constructor(private readonly rows: DeadlinesRepository) {}

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
    const rows = await this.rows.insertAll(
      manager,
      caseId,
      deadlines.map((d) => ({ ...d, subjectId: d.subjectId ?? null })),
    );
    return rows
      .map((row) => ({
        kind: row.kind,
        party: row.party,
        dueAt: row.dueAt.toISOString(),
        paused: row.pausedSince !== null,
        breached: false,
        metAt: null,
      }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Marks the open deadlines of these kinds as met now; met ones keep their first time. */
  meet(manager: EntityManager, caseId: string, kinds: readonly DeadlineKind[]): Promise<void> {
    return this.rows.meetKinds(manager, caseId, kinds);
  }

  meetSubject(manager: EntityManager, subjectId: string): Promise<void> {
    return this.rows.meetSubject(manager, subjectId);
  }

  /** Called by the case's one status-changing path, in its transaction. */
  async followStatus(manager: EntityManager, caseId: string, from: string, to: string) {
    const effects = deadlineEffects(from, to);
    if (effects.meet.length + effects.meetUnlessBreached.length > 0) {
      await this.rows.meetOnStatus(manager, caseId, effects.meet, effects.meetUnlessBreached);
    }
    if (effects.cancelRest) await this.rows.cancelOpen(manager, caseId);
  }

  /**
   * The case now waits on the customer: the running clocks the office and the company owe stop.
   * One already breached stays breached and keeps its date.
   */
  async pauseForCustomer(manager: EntityManager, caseId: string, at: Date): Promise<ClockChange[]> {
    const rows = await this.rows.pauseOwedByOthers(manager, caseId, at);
    return rows.map((r) => ({ kind: r.kind, party: r.party, dueAt: r.dueAt.toISOString() }));
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
    const rows = await this.rows.resume(manager, caseId, at);
    return rows.map((r) => ({
      kind: r.kind,
      party: r.party,
      dueAt: r.dueAt.toISOString(),
      pausedMs: r.pausedMs,
    }));
  }

  async listForCase(
    caseId: string,
    now = new Date(),
    manager?: EntityManager,
  ): Promise<DeadlineView[]> {
    const rows = await this.rows.listForCase(caseId, manager);
    return rows.map((row) => toView(row, now));
  }
}

/** What a deadline's view is made of (a whole entity, or a row read for one page). */
export type DeadlineFacts = Pick<
  DeadlineEntity,
  'kind' | 'party' | 'dueAt' | 'metAt' | 'cancelledAt' | 'pausedSince' | 'breachedAt'
>;

export function toView(row: DeadlineFacts, now: Date): DeadlineView {
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
