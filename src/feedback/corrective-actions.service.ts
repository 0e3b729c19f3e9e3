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
  TrackCorrectiveActionDto,
} from './dto/corrective-action.dto';
import { CorrectiveActionsRepository, RegisterRow } from './corrective-actions.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_LIMIT = 25;

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
    private readonly register: CorrectiveActionsRepository,
  ) {}

  async list(query: CorrectiveActionQueryDto): Promise<Page<CorrectiveActionDto>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.register.list(
      {
        status: query.status,
        before: query.cursor !== undefined ? decodeQueueCursor(query.cursor) : undefined,
      },
      limit + 1,
    );
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
      await this.register.track(manager, before, {
        owner: body.owner ?? null,
        dueAt: body.dueAt ?? null,
        progress: body.progress ?? null,
        note: body.note ?? null,
        by: actor.sub,
      });
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
    const row = await this.register.find(id);
    if (!row) throw notFound;
    return row;
  }
}
