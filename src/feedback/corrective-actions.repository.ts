import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QueueKey } from '../cases/queue/queue-cursor';
import {
  firstRowOf,
  oneOf,
  RawRow,
  rowsOf,
  text,
  textOrNull,
  timestamp,
  timestampOrNull,
} from '../common/sql-rows';
import { REGISTER_STATUSES, RegisterStatus } from './dto/corrective-action.dto';

const SOURCES = ['remedy', 'suggestion'] as const;

export interface RegisterRow {
  id: string;
  source: (typeof SOURCES)[number];
  case_id: string;
  reference: string;
  description: string;
  owner: string | null;
  due_at: Date | null;
  status: RegisterStatus;
  implemented_at: Date | null;
  note: string | null;
  created_at: Date;
  cursor_at: string;
}

/** What staff set on an entry; null leaves it as it was. */
export interface Tracking {
  readonly owner: string | null;
  readonly dueAt: string | null;
  readonly progress: string | null;
  readonly note: string | null;
  readonly by: string;
}

/**
 * The register: corrective-action remedies that are owed or done, and accepted or implemented
 * suggestions, with the owner, due date and progress staff track for them.
 */
const REGISTER = `
  SELECT r.id, 'remedy' AS source, r.case_id, c.reference, r.description,
         t.owner, coalesce(t.due_at, r.due_at) AS due_at,
         CASE WHEN r.status = 'fulfilled' THEN 'implemented' ELSE coalesce(t.progress, 'open') END AS status,
         r.fulfilled_at AS implemented_at, t.note, r.created_at
    FROM remedy r
    JOIN ombudsman_case c ON c.id = r.case_id
    LEFT JOIN corrective_action_tracking t ON t.source = 'remedy' AND t.source_id = r.id
   WHERE r.type = 'corrective_action' AND r.status IN ('due', 'fulfilled')
  UNION ALL
  SELECT s.id, 'suggestion', s.case_id, c.reference, s.text,
         t.owner, t.due_at,
         CASE WHEN s.status = 'implemented' THEN 'implemented' ELSE coalesce(t.progress, 'open') END,
         s.implemented_at, t.note, s.created_at
    FROM suggestion s
    JOIN ombudsman_case c ON c.id = s.case_id
    LEFT JOIN corrective_action_tracking t ON t.source = 'suggestion' AND t.source_id = s.id
   WHERE s.status IN ('accepted', 'implemented')`;

const SELECT = `
  SELECT register.*,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
    FROM (${REGISTER}) register`;

/** The SQL of the corrective-action register and its tracking (corrective_action_tracking). */
@Injectable()
export class CorrectiveActionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, keyset on (created_at, id); `limit` rows at most. */
  async list(
    filter: { readonly status?: string; readonly before?: QueueKey },
    limit: number,
  ): Promise<RegisterRow[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      params.push(filter.status);
      conditions.push(`status = $${params.length}`);
    }
    if (filter.before) {
      params.push(filter.before.createdAt, filter.before.id);
      conditions.push(
        `(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(limit);
    return rowsOf(
      await this.dataSource.query(
        `${SELECT} ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
          ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
        params,
      ),
      toRegisterRow,
    );
  }

  async find(id: string): Promise<RegisterRow | null> {
    return firstRowOf(await this.dataSource.query(`${SELECT} WHERE id = $1`, [id]), toRegisterRow);
  }

  async track(
    manager: EntityManager,
    entry: Pick<RegisterRow, 'id' | 'source'>,
    tracking: Tracking,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO corrective_action_tracking (source, source_id, owner, due_at, progress, note, updated_by)
       VALUES ($1, $2, $3, $4, coalesce($5, 'open'), $6, $7)
       ON CONFLICT (source, source_id) DO UPDATE
          SET owner = coalesce(EXCLUDED.owner, corrective_action_tracking.owner),
              due_at = coalesce(EXCLUDED.due_at, corrective_action_tracking.due_at),
              progress = coalesce($5, corrective_action_tracking.progress),
              note = coalesce(EXCLUDED.note, corrective_action_tracking.note),
              updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [
        entry.source,
        entry.id,
        tracking.owner,
        tracking.dueAt,
        tracking.progress,
        tracking.note,
        tracking.by,
      ],
    );
  }
}

function toRegisterRow(row: RawRow): RegisterRow {
  return {
    id: text(row, 'id'),
    source: oneOf(row, 'source', SOURCES),
    case_id: text(row, 'case_id'),
    reference: text(row, 'reference'),
    description: text(row, 'description'),
    owner: textOrNull(row, 'owner'),
    due_at: timestampOrNull(row, 'due_at'),
    status: oneOf(row, 'status', REGISTER_STATUSES),
    implemented_at: timestampOrNull(row, 'implemented_at'),
    note: textOrNull(row, 'note'),
    created_at: timestamp(row, 'created_at'),
    cursor_at: text(row, 'cursor_at'),
  };
}
