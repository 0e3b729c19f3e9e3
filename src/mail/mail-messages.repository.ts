import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MailLanguage } from '../config/app-config';
import type { MailAudience } from './mail-plan';
import type { QueuedMessage } from './mail-recipients';
import type { MailParams, MailTemplate } from './templates/mail-template';

export type MailStatus = 'queued' | 'sent' | 'failed';

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
  id: string;
  position: string;
  template: string;
  language: MailLanguage;
  audience: MailAudience;
  recipient: string;
  subject: string | null;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  created_at: Date;
  next_attempt_at: Date | null;
  sent_at: Date | null;
}

const CLAIMED_COLUMNS = `m.id, m.case_id AS "caseId", m.template, m.language, m.audience,
  m.recipient, m.recipient_name AS "recipientName", m.params, m.token_sealed AS "tokenSealed",
  m.attempts`;

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
    const [rows] = (await this.dataSource.query(
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
    )) as [ClaimedMessage[], number];
    return rows;
  }

  /**
   * Settles a pass's attempts in one statement; answers the ids it applied to (a row another
   * claim took over after this one's lease ran out is left to that claim).
   */
  async settle(manager: EntityManager, outcomes: readonly AttemptOutcome[]): Promise<Set<string>> {
    const [rows] = (await manager.query(
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
    )) as [{ id: string }[], number];
    return new Set(rows.map((row) => row.id));
  }

  /** A case's messages, oldest first (keyset on position). */
  async listForCase(caseId: string, after: string | null, limit: number) {
    return (await this.dataSource.query(
      `SELECT id, position::text AS position, template, language, audience, recipient, subject,
              status, attempts, last_error, message_id, created_at, next_attempt_at, sent_at
         FROM mail_message
        WHERE case_id = $1 AND ($2::bigint IS NULL OR position > $2::bigint)
        ORDER BY position LIMIT $3`,
      [caseId, after, limit],
    )) as MailMessageRow[];
  }
}
