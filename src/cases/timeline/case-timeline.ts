import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RecordedActor } from '../../auth/actor';
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

@Injectable()
export class CaseTimeline {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the entry in the caller's transaction; answers its id and time. */
  async add(manager: EntityManager, record: TimelineRecord): Promise<AddedEntry> {
    const [customer, company] = VISIBILITY[record.audience];
    const [added] = (await manager.query(
      `INSERT INTO case_timeline_entry
         (case_id, type, actor_sub, actor_role, actor_name, body, data, visible_to_customer, visible_to_company)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING id, occurred_at AS "occurredAt"`,
      [
        record.caseId,
        record.type,
        record.actor.sub,
        record.actor.role,
        record.actor.name ?? null,
        record.body ?? null,
        JSON.stringify(
          record.bodyAudience
            ? { ...record.data, bodyAudience: record.bodyAudience }
            : (record.data ?? {}),
        ),
        customer,
        company,
      ],
    )) as AddedEntry[];
    return added;
  }

  /**
   * Entries in order; `audience` narrows to what the customer or the company may see, without
   * the bodies that are not theirs to read.
   */
  async list(
    caseId: string,
    audience: 'customer' | 'company' | 'office',
  ): Promise<TimelineEntryEntity[]> {
    const query = this.dataSource
      .getRepository(TimelineEntryEntity)
      .createQueryBuilder('t')
      .where('t.caseId = :caseId', { caseId })
      .orderBy('t.id', 'ASC');
    if (audience === 'customer') query.andWhere('t.visibleToCustomer');
    if (audience === 'company') query.andWhere('t.visibleToCompany');
    const entries = await query.getMany();
    if (audience === 'office') return entries;
    return entries.map((e) => (mayReadBody(e, audience) ? e : { ...e, body: null }));
  }
}

function mayReadBody(entry: TimelineEntryEntity, party: 'customer' | 'company'): boolean {
  const bodyAudience = entry.data.bodyAudience as TimelineAudience | undefined;
  if (bodyAudience === undefined) return true;
  const [customer, company] = VISIBILITY[bodyAudience];
  return party === 'customer' ? customer : company;
}
