import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { firstRowOf, text } from '../../common/sql-rows';

export interface AccessLinkRequest {
  readonly reference: string;
  /** Trimmed and lower-cased. */
  readonly email: string;
  readonly tokenHash: Buffer;
  readonly messageId: string;
  /** The new token sealed for its message; null when no key is configured (nothing happens). */
  readonly tokenSealed: Buffer | null;
  readonly perCasePerHour: number;
  readonly perAddressPerHour: number;
  readonly now: Date;
}

/** The case whose token was replaced. */
export interface ReplacedToken {
  readonly caseId: string;
  readonly reference: string;
}

// One statement for every request, matched or not, so both paths do the same work. The case's
// access_token_hash is the only column written; the limits count the access-link messages of the
// last hour of the case (ix_mail_message_access_links) and of the address, over all its cases
// (ix_mail_message_access_link_recipient), in PostgreSQL across instances.
const REPLACE_AND_QUEUE = `
  WITH target AS (
    SELECT c.id, c.reference, c.customer_name, c.customer_email, c.language
      FROM ombudsman_case c
     WHERE c.reference = $1 AND lower(btrim(c.customer_email)) = $2 AND $5::bytea IS NOT NULL
       AND (SELECT count(*) FROM mail_message m
             WHERE m.case_id = c.id AND m.template = 'access_link'
               AND m.created_at > $7::timestamptz - interval '1 hour') < $6
       AND (SELECT count(*) FROM mail_message m
             WHERE m.recipient = $2 AND m.template = 'access_link'
               AND m.created_at > $7::timestamptz - interval '1 hour') < $8
       FOR UPDATE OF c
  ), replaced AS (
    UPDATE ombudsman_case c SET access_token_hash = $3 FROM target t WHERE c.id = t.id
    RETURNING c.id
  )
  INSERT INTO mail_message
    (id, case_id, source_key, template, language, audience, recipient, recipient_name, params,
     token_sealed, next_attempt_at, created_at)
  SELECT $4::uuid, t.id, 'access-link:' || $4::text, 'access_link', t.language, 'customer',
         lower(btrim(t.customer_email)), t.customer_name,
         jsonb_build_object('reference', t.reference, 'recipientName', t.customer_name),
         $5, $7, $7
    FROM target t JOIN replaced r ON r.id = t.id
  RETURNING case_id::text AS case_id, params->>'reference' AS reference`;

/** Replaces a case's access token and queues the message that carries it, when the pair matches. */
@Injectable()
export class AccessLinks {
  /** Answers the case when a link was queued, in the caller's transaction; never tell anyone. */
  async replaceAndQueue(
    manager: EntityManager,
    request: AccessLinkRequest,
  ): Promise<ReplacedToken | null> {
    const result: unknown = await manager.query(REPLACE_AND_QUEUE, [
      request.reference,
      request.email,
      request.tokenHash,
      request.messageId,
      request.tokenSealed,
      request.perCasePerHour,
      request.now,
      request.perAddressPerHour,
    ]);
    return firstRowOf(result, (row) => ({
      caseId: text(row, 'case_id'),
      reference: text(row, 'reference'),
    }));
  }
}
