import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedActor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../notifications/outbox/outbox.service';
import { AddedEntry, CaseTimeline, TimelineAudience } from './timeline/case-timeline';

/** The case a change belongs to: its id keys the timeline and the audit chain, its reference the event. */
export interface RecordedCase {
  readonly id: string;
  readonly reference: string;
}

export interface TimelineEntryOfChange {
  readonly type: string;
  readonly audience: TimelineAudience;
  readonly body?: string;
  readonly bodyAudience?: TimelineAudience;
  readonly data?: Record<string, unknown>;
}

export interface OutboxEventOfChange {
  readonly type: string;
  readonly payload?: Record<string, unknown>;
}

/** One change to a case, as the timeline, the audit log and subscribers learn of it. */
export interface CaseEvent {
  readonly actor: RecordedActor;
  /** The entry on the case's timeline; none for what only the audit log keeps. */
  readonly timeline?: TimelineEntryOfChange;
  readonly audit: {
    readonly action: string;
    readonly before?: unknown;
    readonly after?: unknown;
    /** The case was created in this transaction: its chain starts here (see `AuditService.startChain`). */
    readonly startsChain?: boolean;
  };
  /**
   * The outbox event (or one per item the change touched); each payload starts with the case
   * reference. None for the office's own business.
   */
  readonly event?: OutboxEventOfChange | readonly OutboxEventOfChange[];
}

/**
 * The one recorder of a change to a case: its timeline entry, its audit entry and its outbox
 * event, written together in the caller's transaction. Services decide; this writes.
 */
@Injectable()
export class CaseRecorder {
  constructor(
    private readonly timeline: CaseTimeline,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Answers the timeline entry written, or null when the change has none. */
  record(
    manager: EntityManager,
    c: RecordedCase,
    change: CaseEvent & { readonly timeline: TimelineEntryOfChange },
  ): Promise<AddedEntry>;
  record(manager: EntityManager, c: RecordedCase, change: CaseEvent): Promise<AddedEntry | null>;
  async record(
    manager: EntityManager,
    c: RecordedCase,
    change: CaseEvent,
  ): Promise<AddedEntry | null> {
    const entry = change.timeline
      ? await this.timeline.add(manager, { caseId: c.id, actor: change.actor, ...change.timeline })
      : null;
    const audited = {
      chainKey: c.id,
      actor: change.actor,
      action: change.audit.action,
      before: change.audit.before,
      after: change.audit.after,
    };
    if (change.audit.startsChain) await this.audit.startChain(manager, audited);
    else await this.audit.append(manager, audited);
    await this.recordEvents(manager, c, change);
    return entry;
  }

  /**
   * Many changes, to one case or several, recorded in the caller's transaction with a few
   * statements whatever their number (a dispatcher's batch): the timeline entries in one
   * insert, the audit entries through `AuditService.appendMany` (each chain locked and
   * continued in the order given), then the outbox events. Timeline rows go first, as in
   * `record`: a change to a case locks its row before its chain, and so does this. A chain
   * started in the same transaction is simply continued, so `startsChain` needs no path here.
   */
  async recordMany(
    manager: EntityManager,
    changes: readonly { readonly case: RecordedCase; readonly change: CaseEvent }[],
  ): Promise<void> {
    if (changes.length === 0) return;
    await this.timeline.addMany(
      manager,
      changes.flatMap(({ case: c, change }) =>
        change.timeline ? [{ caseId: c.id, actor: change.actor, ...change.timeline }] : [],
      ),
    );
    await this.audit.appendMany(
      manager,
      changes.map(({ case: c, change }) => ({
        chainKey: c.id,
        actor: change.actor,
        action: change.audit.action,
        before: change.audit.before,
        after: change.audit.after,
      })),
    );
    for (const { case: c, change } of changes) await this.recordEvents(manager, c, change);
  }

  private async recordEvents(manager: EntityManager, c: RecordedCase, change: CaseEvent) {
    const events = change.event ? [change.event].flat() : [];
    for (const event of events) {
      await this.outbox.record(manager, {
        type: event.type,
        aggregateType: 'case',
        aggregateId: c.reference,
        payload: { reference: c.reference, ...event.payload },
      });
    }
  }
}
