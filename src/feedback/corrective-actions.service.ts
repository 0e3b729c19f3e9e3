import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorRef } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { decodeQueueCursor } from '../cases/queue/queue-cursor';
import { DomainError } from '../common/errors/domain-error';
import { Page, toPage } from '../common/pagination/cursor';
import {
  CorrectiveActionDto,
  CorrectiveActionQueryDto,
  RegisterStatus,
  TrackCorrectiveActionDto,
} from './dto/corrective-action.dto';

interface RegisterRow {
  id: string;
  source: 'remedy' | 'suggestion';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_LIMIT = 25;

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

function toItem(row: RegisterRow): CorrectiveActionDto {
  return {
    id: row.id,
    source: row.source,
    reference: row.reference,
    description: row.description,
    owner: row.owner,
    dueAt: row.due_at?.toISOString() ?? null,
    status: row.status,
    implementedAt: row.implemented_at?.toISOString() ?? null,
    note: row.note,
    createdAt: row.created_at.toISOString(),
  };
}

@Injectable()
export class CorrectiveActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: CorrectiveActionQueryDto): Promise<Page<CorrectiveActionDto>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      conditions.push(`status = $${params.length}`);
    }
    if (query.cursor !== undefined) {
      const after = decodeQueueCursor(query.cursor);
      params.push(after.createdAt, after.id);
      conditions.push(
        `(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(limit + 1);
    const rows = (await this.dataSource.query(
      `${SELECT} ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    )) as RegisterRow[];
    return toPage(rows, limit, toItem, (row) => [row.cursor_at, row.id]);
  }

  /** Sets owner, due date, progress or note; what is not sent stays as it was. */
  async track(
    id: string,
    actor: ActorRef,
    body: TrackCorrectiveActionDto,
  ): Promise<CorrectiveActionDto> {
    const before = await this.byId(id);
    await this.dataSource.transaction(async (manager) => {
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
          before.source,
          id,
          body.owner ?? null,
          body.dueAt ?? null,
          body.progress ?? null,
          body.note ?? null,
          actor.sub,
        ],
      );
      await this.audit.append(manager, {
        chainKey: before.case_id,
        actor,
        action: 'corrective_action.tracked',
        before: { id, owner: before.owner, dueAt: before.due_at, status: before.status },
        after: { id, ...body },
      });
    });
    return toItem(await this.byId(id));
  }

  private async byId(id: string): Promise<RegisterRow> {
    const notFound = new DomainError('CORRECTIVE_ACTION_NOT_FOUND', `No corrective action ${id}`);
    if (!UUID.test(id)) throw notFound;
    const [row] = (await this.dataSource.query(`${SELECT} WHERE id = $1`, [id])) as RegisterRow[];
    if (!row) throw notFound;
    return row;
  }
}
