import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { insertedRowOf, rowsOf, text, timestamp } from '../../common/sql-rows';
import { TimelineEntryEntity } from './timeline-entry.entity';

/** A timeline row as CaseTimeline resolved it: who sees it is already decided. */
export interface NewTimelineRow {
  readonly caseId: string;
  readonly type: string;
  readonly actorSub: string;
  readonly actorRole: string;
  readonly actorName: string | null;
  readonly body: string | null;
  readonly data: Record<string, unknown>;
  readonly visibleToCustomer: boolean;
  readonly visibleToCompany: boolean;
}

/** The entries of a case's timeline (table case_timeline_entry). */
@Injectable()
export class TimelineEntriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In the caller's transaction; answers the entry's id and time. */
  async insert(
    manager: EntityManager,
    row: NewTimelineRow,
  ): Promise<{ id: string; occurredAt: Date }> {
    return insertedRowOf(
      await manager.query(
        `INSERT INTO case_timeline_entry
           (case_id, type, actor_sub, actor_role, actor_name, body, data, visible_to_customer, visible_to_company)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING id, occurred_at`,
        [
          row.caseId,
          row.type,
          row.actorSub,
          row.actorRole,
          row.actorName,
          row.body,
          JSON.stringify(row.data),
          row.visibleToCustomer,
          row.visibleToCompany,
        ],
      ),
      (added) => ({ id: text(added, 'id'), occurredAt: timestamp(added, 'occurred_at') }),
    );
  }

  /**
   * One insert for all rows, in the caller's transaction; answers each entry's id and time in
   * the order given (ids come from the sequence in insertion order).
   */
  async insertMany(
    manager: EntityManager,
    rows: readonly NewTimelineRow[],
  ): Promise<{ id: string; occurredAt: Date }[]> {
    if (rows.length === 0) return [];
    const added = rowsOf(
      await manager.query(
        `INSERT INTO case_timeline_entry
           (case_id, type, actor_sub, actor_role, actor_name, body, data, visible_to_customer,
            visible_to_company)
         SELECT r."caseId", r.type, r."actorSub", r."actorRole", r."actorName", r.body, r.data,
                r."visibleToCustomer", r."visibleToCompany"
           FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
                  AS ("caseId" uuid, type text, "actorSub" text, "actorRole" text,
                      "actorName" text, body text, data jsonb, "visibleToCustomer" boolean,
                      "visibleToCompany" boolean)) WITH ORDINALITY
             AS r("caseId", type, "actorSub", "actorRole", "actorName", body, data,
                  "visibleToCustomer", "visibleToCompany", n)
          ORDER BY r.n
         RETURNING id::text AS id, occurred_at`,
        [JSON.stringify(rows)],
      ),
      (row) => ({ id: text(row, 'id'), occurredAt: timestamp(row, 'occurred_at') }),
    );
    return added.sort((a, b) => compareIds(a.id, b.id));
  }

  /** A case's entries in order, only those the customer (or the company) sees when asked. */
  list(caseId: string, visibleTo: 'customer' | 'company' | null): Promise<TimelineEntryEntity[]> {
    const query = this.dataSource
      .getRepository(TimelineEntryEntity)
      .createQueryBuilder('t')
      .where('t.caseId = :caseId', { caseId })
      .orderBy('t.id', 'ASC');
    if (visibleTo === 'customer') query.andWhere('t.visibleToCustomer');
    if (visibleTo === 'company') query.andWhere('t.visibleToCompany');
    return query.getMany();
  }
}

/** Bigint ids as text: the shorter is the smaller. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
