import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorRef } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { decodeQueueCursor } from '../cases/queue/queue-cursor';
import { DomainError } from '../common/errors/domain-error';
import { Page, toPage } from '../common/pagination/cursor';
import { OutboxService } from '../notifications/outbox/outbox.service';
import {
  ChangeSuggestionStatusDto,
  CustomerSuggestionDto,
  StaffSuggestionDto,
  SuggestionQueryDto,
} from './dto/suggestion.dto';
import { mayMove, SuggestionStatus } from './suggestion-lifecycle';
import { SuggestionLanguage, suggestionStatusText } from './suggestion-texts';

interface SuggestionRow {
  id: string;
  case_id: string;
  reference: string;
  language: SuggestionLanguage;
  text: string;
  status: SuggestionStatus;
  public_response: string | null;
  created_at: Date;
  updated_at: Date;
  implemented_at: Date | null;
  cursor_at: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_LIMIT = 25;

const SELECT = `
  SELECT s.id, s.case_id, c.reference, c.language, s.text, s.status, s.public_response,
         s.created_at, s.updated_at, s.implemented_at,
         to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
    FROM suggestion s JOIN ombudsman_case c ON c.id = s.case_id`;

export function toCustomerSuggestion(row: SuggestionRow): CustomerSuggestionDto {
  return {
    id: row.id,
    reference: row.reference,
    text: row.text,
    status: row.status,
    statusText: suggestionStatusText(row.language, row.status),
    publicResponse: row.public_response,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toStaffSuggestion(row: SuggestionRow): StaffSuggestionDto {
  return {
    id: row.id,
    reference: row.reference,
    language: row.language,
    text: row.text,
    status: row.status,
    publicResponse: row.public_response,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    implementedAt: row.implemented_at?.toISOString() ?? null,
  };
}

function notFound(id: string): DomainError {
  return new DomainError('SUGGESTION_NOT_FOUND', `No suggestion ${id}`);
}

/** Customers' improvement suggestions and their way to implementation (right 2). */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async make(caseId: string, actor: ActorRef, text: string): Promise<CustomerSuggestionDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        'INSERT INTO suggestion (case_id, text) VALUES ($1, $2) RETURNING id',
        [caseId, text],
      )) as { id: string }[];
      await this.audit.append(manager, {
        chainKey: caseId,
        actor,
        action: 'suggestion.made',
        after: { suggestionId: row.id, text },
      });
      await this.outbox.record(manager, {
        type: 'suggestion.received',
        aggregateType: 'suggestion',
        aggregateId: row.id,
        payload: { suggestionId: row.id, status: 'received' },
      });
      return row.id;
    });
    return toCustomerSuggestion(await this.byId(id));
  }

  /** A customer's own suggestions, newest first. */
  async forCase(caseId: string, query: SuggestionQueryDto): Promise<Page<CustomerSuggestionDto>> {
    return this.page(query, ['s.case_id = $1'], [caseId], toCustomerSuggestion);
  }

  async list(query: SuggestionQueryDto): Promise<Page<StaffSuggestionDto>> {
    return this.page(query, [], [], toStaffSuggestion);
  }

  /** Conditional on the status read, so two concurrent changes cannot both pass the check. */
  async changeStatus(
    id: string,
    actor: ActorRef,
    body: ChangeSuggestionStatusDto,
  ): Promise<StaffSuggestionDto> {
    const before = await this.byId(id);
    if (!mayMove(before.status, body.status)) {
      throw new DomainError(
        'SUGGESTION_INVALID_TRANSITION',
        `A suggestion that is ${before.status} cannot become ${body.status}`,
        { currentStatus: before.status },
      );
    }
    if (body.status === 'declined' && !body.publicResponse && !before.public_response) {
      // Right 2: a customer whose suggestion is turned down is owed the reason.
      throw new DomainError(
        'VALIDATION_FAILED',
        'A declined suggestion needs a public response',
        {},
        [
          {
            field: 'publicResponse',
            message: 'publicResponse is required to decline a suggestion',
          },
        ],
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const updated = (await manager.query(
        `UPDATE suggestion
            SET status = $3, public_response = coalesce($4, public_response), updated_at = now(),
                accepted_at = CASE WHEN $3 = 'accepted' THEN now() ELSE accepted_at END,
                implemented_at = CASE WHEN $3 = 'implemented' THEN now() END
          WHERE id = $1 AND status = $2
          RETURNING id`,
        [id, before.status, body.status, body.publicResponse ?? null],
      )) as [unknown[], number];
      if (updated[1] === 0) {
        throw new DomainError(
          'SUGGESTION_INVALID_TRANSITION',
          'The suggestion changed while you were updating it',
          { currentStatus: (await this.byId(id)).status },
        );
      }
      await this.audit.append(manager, {
        chainKey: before.case_id,
        actor,
        action: 'suggestion.status_changed',
        before: { suggestionId: id, status: before.status, publicResponse: before.public_response },
        after: {
          suggestionId: id,
          status: body.status,
          publicResponse: body.publicResponse ?? before.public_response,
        },
      });
      await this.outbox.record(manager, {
        type: 'suggestion.status_changed',
        aggregateType: 'suggestion',
        aggregateId: id,
        payload: {
          suggestionId: id,
          reference: before.reference,
          from: before.status,
          to: body.status,
        },
      });
    });
    return toStaffSuggestion(await this.byId(id));
  }

  private async byId(id: string): Promise<SuggestionRow> {
    if (!UUID.test(id)) throw notFound(id);
    const [row] = (await this.dataSource.query(`${SELECT} WHERE s.id = $1`, [
      id,
    ])) as SuggestionRow[];
    if (!row) throw notFound(id);
    return row;
  }

  private async page<T>(
    query: SuggestionQueryDto,
    where: string[],
    values: unknown[],
    map: (row: SuggestionRow) => T,
  ): Promise<Page<T>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const conditions = [...where];
    const params = [...values];
    if (query.status) {
      params.push(query.status);
      conditions.push(`s.status = $${params.length}`);
    }
    if (query.cursor !== undefined) {
      const after = decodeQueueCursor(query.cursor);
      params.push(after.createdAt, after.id);
      conditions.push(
        `(s.created_at, s.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(limit + 1);
    const rows = (await this.dataSource.query(
      `${SELECT} ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY s.created_at DESC, s.id DESC LIMIT $${params.length}`,
      params,
    )) as SuggestionRow[];
    return toPage(rows, limit, map, (row) => [row.cursor_at, row.id]);
  }
}
