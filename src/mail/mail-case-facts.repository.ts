import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { MailLanguage } from '../config/app-config';
import { firstRowOf, oneOf, RawRow, rowsOf, text, textOrNull, timestamp } from '../common/sql-rows';
import { MAIL_LANGUAGES } from './templates/mail-template';

/** The case as a message needs it: whom to write to, in which language, about what. */
export interface MailCase {
  readonly caseId: string;
  readonly reference: string;
  readonly customerName: string;
  readonly customerEmail: string;
  readonly language: MailLanguage;
  readonly subject: string;
}

/**
 * The mail module's read port onto the case records: read-only queries for what the outbox
 * events do not carry. It reads what the customer may read and nothing else (a status change's
 * reason only when its audience includes the customer, as src/cases/timeline/reason-audience.ts
 * decides), so no internal text can reach a message through it.
 */
@Injectable()
export class MailCaseFacts {
  async casesByReference(
    manager: EntityManager,
    references: readonly string[],
  ): Promise<Map<string, MailCase>> {
    if (references.length === 0) return new Map();
    const result: unknown = await manager.query(`${CASE_COLUMNS} WHERE reference = ANY ($1)`, [
      [...new Set(references)],
    ]);
    return new Map(rowsOf(result, toMailCase).map((row) => [row.reference, row]));
  }

  async caseById(manager: EntityManager, caseId: string): Promise<MailCase | undefined> {
    const result: unknown = await manager.query(`${CASE_COLUMNS} WHERE id = $1`, [caseId]);
    return firstRowOf(result, toMailCase) ?? undefined;
  }

  /** The reason given with the case's latest move to `status`, if the customer may read it. */
  async customerReason(
    manager: EntityManager,
    caseId: string,
    status: string,
  ): Promise<string | null> {
    const result: unknown = await manager.query(
      `SELECT body FROM case_timeline_entry
        WHERE case_id = $1 AND type = 'case.status_changed' AND data ->> 'to' = $2
          AND visible_to_customer
          AND COALESCE(data ->> 'bodyAudience', 'everyone') IN ('everyone', 'customer')
        ORDER BY id DESC LIMIT 1`,
      [caseId, status],
    );
    return firstRowOf(result, (row) => textOrNull(row, 'body')) ?? null;
  }

  /** When the customer's answer to this decision is due. */
  async decisionAnswerDueAt(manager: EntityManager, decisionId: string): Promise<string | null> {
    const result: unknown = await manager.query(
      `SELECT due_at FROM case_deadline
        WHERE kind = 'decision_answer' AND subject_id = $1 ORDER BY due_at DESC LIMIT 1`,
      [decisionId],
    );
    return firstRowOf(result, (row) => timestamp(row, 'due_at').toISOString());
  }

  /**
   * Whether what a reminder is about still waits on its party, and the values it needs. Null
   * when it is moot (answered, withdrawn, paid, the case moved on).
   */
  async stillOutstanding(
    manager: EntityManager,
    kind: string,
    subjectId: string,
  ): Promise<{ remedyType?: string } | null> {
    const sql = OUTSTANDING[kind];
    if (!sql) return null;
    const result: unknown = await manager.query(sql, [subjectId]);
    return firstRowOf(result, (row) =>
      'remedy_type' in row ? { remedyType: text(row, 'remedy_type') } : {},
    );
  }
}

const CASE_COLUMNS = `SELECT id, reference, customer_name, customer_email, language, subject
  FROM ombudsman_case`;

function toMailCase(row: RawRow): MailCase {
  return {
    caseId: text(row, 'id'),
    reference: text(row, 'reference'),
    customerName: text(row, 'customer_name'),
    customerEmail: text(row, 'customer_email'),
    language: oneOf(row, 'language', MAIL_LANGUAGES),
    subject: text(row, 'subject'),
  };
}

const OUTSTANDING: Record<string, string> = {
  information_request: `SELECT 1 FROM information_request WHERE id = $1 AND answered_at IS NULL`,
  proposal: `SELECT 1 FROM mediation_proposal
              WHERE id = $1 AND status = 'open' AND customer_answer IS NULL`,
  decision_answer: `SELECT 1 FROM case_deadline
                     WHERE kind = 'decision_answer' AND subject_id = $1
                       AND met_at IS NULL AND cancelled_at IS NULL AND breached_at IS NULL`,
  remedy_payment: `SELECT type AS remedy_type FROM remedy WHERE id = $1 AND status = 'due'`,
};
