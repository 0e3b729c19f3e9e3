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
import { mayMove } from './suggestion-lifecycle';
import { suggestionStatusText } from './suggestion-texts';
import { SuggestionFilter, SuggestionRow, SuggestionsRepository } from './suggestions.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_LIMIT = 25;

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
    private readonly suggestions: SuggestionsRepository,
  ) {}

  async make(caseId: string, actor: ActorRef, text: string): Promise<CustomerSuggestionDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const suggestionId = await this.suggestions.insert(manager, caseId, text);
      await this.audit.append(manager, {
        chainKey: caseId,
        actor,
        action: 'suggestion.made',
        after: { suggestionId, text },
      });
      await this.outbox.record(manager, {
        type: 'suggestion.received',
        aggregateType: 'suggestion',
        aggregateId: suggestionId,
        payload: { suggestionId, status: 'received' },
      });
      return suggestionId;
    });
    return toCustomerSuggestion(await this.byId(id));
  }

  /** A customer's own suggestions, newest first. */
  async forCase(caseId: string, query: SuggestionQueryDto): Promise<Page<CustomerSuggestionDto>> {
    return this.page(query, { caseId }, toCustomerSuggestion);
  }

  async list(query: SuggestionQueryDto): Promise<Page<StaffSuggestionDto>> {
    return this.page(query, {}, toStaffSuggestion);
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
      const moved = await this.suggestions.move(
        manager,
        id,
        before.status,
        body.status,
        body.publicResponse ?? null,
      );
      if (!moved) {
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
    const row = await this.suggestions.find(id);
    if (!row) throw notFound(id);
    return row;
  }

  private async page<T>(
    query: SuggestionQueryDto,
    filter: SuggestionFilter,
    map: (row: SuggestionRow) => T,
  ): Promise<Page<T>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.suggestions.list(
      {
        ...filter,
        status: query.status,
        before: query.cursor !== undefined ? decodeQueueCursor(query.cursor) : undefined,
      },
      limit + 1,
    );
    return toPage(rows, limit, map, (row) => [row.cursor_at, row.id]);
  }
}
