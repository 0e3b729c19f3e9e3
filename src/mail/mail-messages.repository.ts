import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  bytesOrNull,
  changedRowsOf,
  integer,
  json,
  oneOf,
  RawRow,
  rowsOf,
  text,
  textOrNull,
  timestamp,
  timestampOrNull,
} from '../common/sql-rows';
import type { MailLanguage } from '../config/app-config';
import type { MailAudience } from './mail-plan';
import type { QueuedMessage } from './mail-recipients';
import {
  MAIL_LANGUAGES,
  MAIL_TEMPLATES,
  MailParams,
  MailTemplate,
} from './templates/mail-template';

export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
const AUDIENCES: readonly MailAudience[] = ['customer', 'company'];

/** A message taken for one attempt. */
export interface ClaimedMessage {
  readonly id: string;
  readonly caseId: string;
  readonly template: MailTemplate;
  readonly language: MailLanguage;
  readonly audience: MailAudience;
  readonly recipient: string;
  readonly recipientName: string | null;
  readonly params: MailParams;
  readonly tokenSealed: Buffer | null;
  /** This attempt's number: the claim counted it. */
  readonly attempts: number;
}

export interface AttemptOutcome {
  readonly message: ClaimedMessage;
  readonly status: MailStatus;
  readonly subject: string | null;
  readonly messageId: string | null;
  readonly error: string | null;
  readonly at: Date;
  readonly nextAttemptAt: Date | null;
}

export interface MailMessageRow {
  readonly id: string;
  readonly position: string;
  readonly template: string;
  readonly language: MailLanguage;
  readonly audience: MailAudience;
  readonly recipient: string;
  readonly subject: string | null;
  readonly status: MailStatus;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly message_id: string | null;
  readonly created_at: Date;
  readonly next_attempt_at: Date | null;
  readonly sent_at: Date | null;
}

const CLAIMED_COLUMNS = `m.id, m.case_id, m.template, m.language, m.audience, m.recipient,
  m.recipient_name, m.params, m.token_sealed, m.attempts`;

function toClaimed(row: RawRow): ClaimedMessage {
  return {
    id: text(row, 'id'),
    caseId: text(row, 'case_id'),
    template: oneOf(row, 'template', MAIL_TEMPLATES),
    language: oneOf(row, 'language', MAIL_LANGUAGES),
    audience: oneOf(row, 'audience', AUDIENCES),
    recipient: text(row, 'recipient'),
    recipientName: textOrNull(row, 'recipient_name'),
    // jsonb the planner wrote from MailParams.
    params: json(row, 'params') as MailParams,
    tokenSealed: bytesOrNull(row, 'token_sealed'),
    attempts: integer(row, 'attempts'),
  };
}

function toListed(row: RawRow): MailMessageRow {
  return {
    id: text(row, 'id'),
    position: text(row, 'position'),
    template: text(row, 'template'),
    language: oneOf(row, 'language', MAIL_LANGUAGES),
    audience: oneOf(row, 'audience', AUDIENCES),
    recipient: text(row, 'recipient'),
    subject: textOrNull(row, 'subject'),
    status: oneOf(row, 'status', MAIL_STATUSES),
    attempts: integer(row, 'attempts'),
    last_error: textOrNull(row, 'last_error'),
    message_id: textOrNull(row, 'message_id'),
    created_at: timestamp(row, 'created_at'),
    next_attempt_at: timestampOrNull(row, 'next_attempt_at'),
    sent_at: timestampOrNull(row, 'sent_at'),
  };
}

/**
 * The mail queue in PostgreSQL. Claims lock with FOR UPDATE SKIP LOCKED and lease the row (its
 * next_attempt_at moves past the attempt's timeout), so instances side by side take disjoint
 * messages, no transaction stays open during an SMTP exchange, and a crashed claimer's messages
 * come back when the lease runs out. A settlement applies only while its claim is the latest.
 */
@Injectable()
export class MailMessages {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Queues messages once: a second planning of the same source is a no-op. */
  async enqueue(manager: EntityManager, messages: readonly QueuedMessage[], now: Date) {
    if (messages.length === 0) return;
    await manager.query(
      `INSERT INTO mail_message
         (case_id, source_key, template, language, audience, recipient, recipient_name, params,
          next_attempt_at, created_at)
       SELECT m."caseId", m."sourceKey", m.template, m.language, m.audience, m.recipient,
              m."recipientName", m.params, $2, $2
         FROM jsonb_to_recordset($1::jsonb) AS m("caseId" uuid, "sourceKey" text, template text,
              language text, audience text, recipient text, "recipientName" text, params jsonb)
       ON CONFLICT ON CONSTRAINT uq_mail_message_source DO NOTHING`,
      [JSON.stringify(messages), now],
    );
  }

  async claim(now: Date, limit: number, leaseMs: number): Promise<ClaimedMessage[]> {
    const result: unknown = await this.dataSource.query(
      `UPDATE mail_message m
          SET attempts = m.attempts + 1,
              next_attempt_at = $1::timestamptz + make_interval(secs => $3)
        WHERE m.id = ANY (ARRAY(
          SELECT id FROM mail_message
           WHERE status = 'queued' AND next_attempt_at <= $1
           ORDER BY next_attempt_at, position LIMIT $2
           FOR UPDATE SKIP LOCKED))
          AND m.status = 'queued'
       RETURNING ${CLAIMED_COLUMNS}`,
      [now, limit, leaseMs / 1000],
    );
    return changedRowsOf(result, toClaimed);
  }

  /**
   * Settles a pass's attempts in one statement; answers the ids it applied to (a row another
   * claim took over after this one's lease ran out is left to that claim).
   */
  async settle(manager: EntityManager, outcomes: readonly AttemptOutcome[]): Promise<Set<string>> {
    const result: unknown = await manager.query(
      `UPDATE mail_message m
          SET status = o.status, next_attempt_at = o."nextAttemptAt", last_error = o.error,
              subject = COALESCE(o.subject, m.subject),
              message_id = COALESCE(o."messageId", m.message_id),
              sent_at = CASE WHEN o.status = 'sent' THEN o.at END,
              token_sealed = CASE WHEN o.status = 'queued' THEN m.token_sealed END
         FROM jsonb_to_recordset($1::jsonb) AS o(id uuid, attempts int, status text,
              "nextAttemptAt" timestamptz, error text, subject text, "messageId" text,
              at timestamptz)
        WHERE m.id = o.id AND m.attempts = o.attempts AND m.status = 'queued'
        RETURNING m.id`,
      [
        JSON.stringify(
          outcomes.map((o) => ({
            id: o.message.id,
            attempts: o.message.attempts,
            status: o.status,
            nextAttemptAt: o.nextAttemptAt,
            error: o.error,
            subject: o.subject,
            messageId: o.messageId,
            at: o.at,
          })),
        ),
      ],
    );
    return new Set(changedRowsOf(result, (row) => text(row, 'id')));
  }

  /** A case's messages, oldest first (keyset on position). */
  async listForCase(caseId: string, after: string | null, limit: number) {
    const result: unknown = await this.dataSource.query(
      `SELECT id, position::text AS position, template, language, audience, recipient, subject,
              status, attempts, last_error, message_id, created_at, next_attempt_at, sent_at
         FROM mail_message
        WHERE case_id = $1 AND ($2::bigint IS NULL OR position > $2::bigint)
        ORDER BY position LIMIT $3`,
      [caseId, after, limit],
    );
    return rowsOf(result, toListed);
  }
}
