import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  bytes,
  changedCountOf,
  changedRowsOf,
  firstRowOf,
  insertedRowOf,
  integer,
  oneOf,
  RawRow,
  text,
  textOrNull,
} from '../common/sql-rows';
import { CASE_STATUSES, CaseOutcome, CaseStatus } from './case-lifecycle';
import { CaseEntity } from './case.entity';

/** What a status change reads and compares: the case's reference, status and version. */
export interface CaseState {
  readonly reference: string;
  readonly status: CaseStatus;
  readonly version: number;
}

export interface CaseRowLock extends CaseState {
  readonly id: string;
  readonly assignedOfficerId: string | null;
}

export interface StatusChange {
  readonly caseId: string;
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly outcome: CaseOutcome | null;
  readonly version: number;
}

/** The columns a filing writes; the rest take their defaults. */
export interface NewCaseRow {
  readonly reference: string;
  readonly status: CaseStatus;
  readonly customerName: string;
  readonly customerEmail: string;
  readonly customerNumber: string | null;
  readonly complaintReference: string | null;
  readonly frontlineAgentId: string | null;
  readonly subject: string;
  readonly description: string;
  readonly desiredOutcome: string | null;
  readonly amountMinor: number | null;
  readonly amountCurrency: string | null;
  readonly category: string;
  readonly language: string;
  readonly eligibilityReason: string;
  readonly accessTokenHash: Buffer;
  readonly filedAt: Date;
}

function stateOf(row: RawRow): CaseState {
  return {
    reference: text(row, 'reference'),
    status: oneOf(row, 'status', CASE_STATUSES),
    version: integer(row, 'version'),
  };
}

/**
 * The SQL of the case row itself (table ombudsman_case), for the case core's services; every
 * method runs on the caller's manager (its transaction, or the data source's own manager).
 */
@Injectable()
export class CasesRepository {
  /** A new case; answers its id. */
  async insert(manager: EntityManager, row: NewCaseRow): Promise<string> {
    return insertedRowOf(
      await manager.query(
        `INSERT INTO ombudsman_case
           (reference, status, customer_name, customer_email, customer_number, complaint_reference,
            frontline_agent_id, subject, description, desired_outcome, amount_minor, amount_currency,
            category, language, eligibility_reason, access_token_hash, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
         RETURNING id`,
        [
          row.reference,
          row.status,
          row.customerName,
          row.customerEmail,
          row.customerNumber,
          row.complaintReference,
          row.frontlineAgentId,
          row.subject,
          row.description,
          row.desiredOutcome,
          row.amountMinor,
          row.amountCurrency,
          row.category,
          row.language,
          row.eligibilityReason,
          row.accessTokenHash,
          row.filedAt,
        ],
      ),
      (inserted) => text(inserted, 'id'),
    );
  }

  async state(manager: EntityManager, caseId: string): Promise<CaseState | undefined> {
    const rows: unknown = await manager.query(
      'SELECT reference, status, version FROM ombudsman_case WHERE id = $1',
      [caseId],
    );
    return firstRowOf(rows, stateOf) ?? undefined;
  }

  /** Locks the row for the rest of the transaction (see src/cases/case-lock.ts). */
  async lock(manager: EntityManager, caseId: string): Promise<CaseRowLock | undefined> {
    const rows: unknown = await manager.query(
      `SELECT id, reference, status, version, assigned_officer_id
         FROM ombudsman_case WHERE id = $1 FOR UPDATE`,
      [caseId],
    );
    const locked = firstRowOf(rows, (row) => ({
      id: text(row, 'id'),
      ...stateOf(row),
      assignedOfficerId: textOrNull(row, 'assigned_officer_id'),
    }));
    return locked ?? undefined;
  }

  /** The version a client's If-Match is compared with, or undefined for an unknown reference. */
  async versionOf(manager: EntityManager, reference: string): Promise<number | undefined> {
    const rows: unknown = await manager.query(
      'SELECT version FROM ombudsman_case WHERE reference = $1',
      [reference],
    );
    return firstRowOf(rows, (row) => integer(row, 'version')) ?? undefined;
  }

  async accessHashOf(
    manager: EntityManager,
    reference: string,
  ): Promise<{ id: string; accessTokenHash: Buffer } | undefined> {
    const rows: unknown = await manager.query(
      'SELECT id, access_token_hash FROM ombudsman_case WHERE reference = $1',
      [reference],
    );
    const found = firstRowOf(rows, (row) => ({
      id: text(row, 'id'),
      accessTokenHash: bytes(row, 'access_token_hash'),
    }));
    return found ?? undefined;
  }

  /**
   * The conditional UPDATE of a status change: it applies only while the case still has the
   * status and version read before it. Answers the new version, or undefined when it missed.
   */
  async changeStatus(manager: EntityManager, change: StatusChange): Promise<number | undefined> {
    const [version] = changedRowsOf(
      await manager.query(
        `UPDATE ombudsman_case
            SET status = $3, outcome = $4, version = version + 1, updated_at = now(),
                closed_at = CASE WHEN $3 = 'closed' THEN now() ELSE closed_at END,
                accepted_at = CASE WHEN $3 = 'accepted' AND accepted_at IS NULL THEN now() ELSE accepted_at END
          WHERE id = $1 AND status = $2 AND version = $5
          RETURNING version`,
        [change.caseId, change.from, change.to, change.outcome, change.version],
      ),
      (row) => integer(row, 'version'),
    );
    return version;
  }

  /** First acknowledgement only: a later one keeps the first time. */
  async acknowledge(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(
      'UPDATE ombudsman_case SET acknowledged_at = now() WHERE id = $1 AND acknowledged_at IS NULL',
      [caseId],
    );
  }

  async setRejectionCode(manager: EntityManager, caseId: string, code: string): Promise<void> {
    await manager.query('UPDATE ombudsman_case SET rejection_code = $2 WHERE id = $1', [
      caseId,
      code,
    ]);
  }

  /** Conditional on version and on a status that allows assignment; false when it missed. */
  async assign(
    manager: EntityManager,
    caseId: string,
    officer: { id: string; name: string | null },
    version: number,
    assignable: readonly CaseStatus[],
  ): Promise<boolean> {
    const count = changedCountOf(
      await manager.query(
        `UPDATE ombudsman_case
            SET assigned_officer_id = $2, assigned_officer_name = $3, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $4 AND status = ANY($5)
          RETURNING version`,
        [caseId, officer.id, officer.name, version, assignable],
      ),
    );
    return count > 0;
  }

  /** Releases the case from this member of staff if they hold it; true when they did. */
  async releaseFrom(manager: EntityManager, caseId: string, staffId: string): Promise<boolean> {
    const count = changedCountOf(
      await manager.query(
        `UPDATE ombudsman_case SET assigned_officer_id = NULL, assigned_officer_name = NULL, version = version + 1,
                updated_at = now()
          WHERE id = $1 AND assigned_officer_id = $2`,
        [caseId, staffId],
      ),
    );
    return count > 0;
  }

  findByReference(manager: EntityManager, reference: string): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOne({ where: { reference } });
  }

  findById(manager: EntityManager, id: string): Promise<CaseEntity | null> {
    return manager.getRepository(CaseEntity).findOne({ where: { id } });
  }
}
