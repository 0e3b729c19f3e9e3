import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QueueKey } from '../cases/queue/queue-cursor';
import {
  changedCountOf,
  firstRowOf,
  insertedRowOf,
  oneOf,
  RawRow,
  rowsOf,
  text,
  textOrNull,
  timestamp,
  timestampOrNull,
} from '../common/sql-rows';
import { SUGGESTION_STATUSES, SuggestionStatus } from './suggestion-lifecycle';
import { SuggestionLanguage } from './suggestion-texts';

const LANGUAGES: readonly SuggestionLanguage[] = ['en', 'ru', 'zh'];

export interface SuggestionRow {
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

export interface SuggestionFilter {
  readonly caseId?: string;
  readonly status?: string;
  readonly before?: QueueKey;
}

const SELECT = `
  SELECT s.id, s.case_id, c.reference, c.language, s.text, s.status, s.public_response,
         s.created_at, s.updated_at, s.implemented_at,
         to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
    FROM suggestion s JOIN ombudsman_case c ON c.id = s.case_id`;

/** The SQL of customers' suggestions (table suggestion). */
@Injectable()
export class SuggestionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, caseId: string, suggestion: string): Promise<string> {
    return insertedRowOf(
      await manager.query('INSERT INTO suggestion (case_id, text) VALUES ($1, $2) RETURNING id', [
        caseId,
        suggestion,
      ]),
      (row) => text(row, 'id'),
    );
  }

  async find(id: string): Promise<SuggestionRow | null> {
    return firstRowOf(
      await this.dataSource.query(`${SELECT} WHERE s.id = $1`, [id]),
      toSuggestionRow,
    );
  }

  /** Newest first, keyset on (created_at, id); `limit` rows at most. */
  async list(filter: SuggestionFilter, limit: number): Promise<SuggestionRow[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.caseId !== undefined) {
      params.push(filter.caseId);
      conditions.push(`s.case_id = $${params.length}`);
    }
    if (filter.status) {
      params.push(filter.status);
      conditions.push(`s.status = $${params.length}`);
    }
    if (filter.before) {
      params.push(filter.before.createdAt, filter.before.id);
      conditions.push(
        `(s.created_at, s.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(limit);
    return rowsOf(
      await this.dataSource.query(
        `${SELECT} ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
          ORDER BY s.created_at DESC, s.id DESC LIMIT $${params.length}`,
        params,
      ),
      toSuggestionRow,
    );
  }

  /** Moves the suggestion only if it is still `from`; false when someone moved it first. */
  async move(
    manager: EntityManager,
    id: string,
    from: SuggestionStatus,
    to: SuggestionStatus,
    publicResponse: string | null,
  ): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE suggestion
          SET status = $3, public_response = coalesce($4, public_response), updated_at = now(),
              accepted_at = CASE WHEN $3 = 'accepted' THEN now() ELSE accepted_at END,
              implemented_at = CASE WHEN $3 = 'implemented' THEN now() END
        WHERE id = $1 AND status = $2
        RETURNING id`,
      [id, from, to, publicResponse],
    );
    return changedCountOf(result) > 0;
  }
}

function toSuggestionRow(row: RawRow): SuggestionRow {
  return {
    id: text(row, 'id'),
    case_id: text(row, 'case_id'),
    reference: text(row, 'reference'),
    language: oneOf(row, 'language', LANGUAGES),
    text: text(row, 'text'),
    status: oneOf(row, 'status', SUGGESTION_STATUSES),
    public_response: textOrNull(row, 'public_response'),
    created_at: timestamp(row, 'created_at'),
    updated_at: timestamp(row, 'updated_at'),
    implemented_at: timestampOrNull(row, 'implemented_at'),
    cursor_at: text(row, 'cursor_at'),
  };
}
