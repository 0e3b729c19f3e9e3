import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedActor } from '../../auth/actor';
import { NewTimelineRow, TimelineEntriesRepository } from './timeline-entries.repository';
import { TimelineEntryEntity } from './timeline-entry.entity';

/** Who may see an entry besides the office itself. */
export type TimelineAudience = 'everyone' | 'customer' | 'company' | 'office';

export interface TimelineRecord {
  readonly caseId: string;
  readonly type: string;
  readonly actor: RecordedActor;
  readonly audience: TimelineAudience;
  readonly body?: string;
  /**
   * Who may read the body when that is fewer than who may see the entry (a status change all see,
   * its reason only the customer): the others see the entry without it. Kept in `data`.
   */
  readonly bodyAudience?: TimelineAudience;
  readonly data?: Record<string, unknown>;
}

export interface AddedEntry {
  readonly id: string;
  readonly occurredAt: Date;
}

const VISIBILITY: Record<TimelineAudience, [customer: boolean, company: boolean]> = {
  everyone: [true, true],
  customer: [true, false],
  company: [false, true],
  office: [false, false],
};

/** Who sees an entry and its body; the rows themselves are TimelineEntriesRepository's. */
@Injectable()
export class CaseTimeline {
  constructor(private readonly entries: TimelineEntriesRepository) {}

  /** Writes many entries in the caller's transaction with one insert; answers them in order. */
  addMany(manager: EntityManager, records: readonly TimelineRecord[]): Promise<AddedEntry[]> {
    return this.entries.insertMany(manager, records.map(rowOf));
  }

  /** Writes the entry in the caller's transaction; answers its id and time. */
  add(manager: EntityManager, record: TimelineRecord): Promise<AddedEntry> {
    return this.entries.insert(manager, rowOf(record));
  }

  /**
   * Entries in order; `audience` narrows to what the customer or the company may see, without
   * the bodies that are not theirs to read.
   */
  async list(
    caseId: string,
    audience: 'customer' | 'company' | 'office',
  ): Promise<TimelineEntryEntity[]> {
    const entries = await this.entries.list(caseId, audience === 'office' ? null : audience);
    if (audience === 'office') return entries;
    return withReadableBodies(entries, audience);
  }
}

function rowOf(record: TimelineRecord): NewTimelineRow {
  const [customer, company] = VISIBILITY[record.audience];
  return {
    caseId: record.caseId,
    type: record.type,
    actorSub: record.actor.sub,
    actorRole: record.actor.role,
    actorName: record.actor.name ?? null,
    body: record.body ?? null,
    data: record.bodyAudience
      ? { ...record.data, bodyAudience: record.bodyAudience }
      : (record.data ?? {}),
    visibleToCustomer: customer,
    visibleToCompany: company,
  };
}

/** A party's entries without the bodies that are not theirs to read. */
export function withReadableBodies<T extends Pick<TimelineEntryEntity, 'body' | 'data'>>(
  entries: T[],
  party: 'customer' | 'company',
): T[] {
  return entries.map((e) => (mayReadBody(e, party) ? e : { ...e, body: null }));
}

function mayReadBody(
  entry: Pick<TimelineEntryEntity, 'data'>,
  party: 'customer' | 'company',
): boolean {
  const bodyAudience = entry.data.bodyAudience as TimelineAudience | undefined;
  if (bodyAudience === undefined) return true;
  const [customer, company] = VISIBILITY[bodyAudience];
  return party === 'customer' ? customer : company;
}
