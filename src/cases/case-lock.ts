import { EntityManager } from 'typeorm';
import { CaseStatus } from './case-lifecycle';
import { caseNotFound, invalidTransition } from './cases.errors';

export interface LockedCase {
  readonly id: string;
  readonly reference: string;
  readonly status: CaseStatus;
  readonly version: number;
  readonly assignedOfficerId: string | null;
}

/**
 * Locks the case row for the rest of the transaction. Every write about a proposal, decision or
 * remedy takes it first, so it serialises with the others and with any status change of the case
 * (a withdrawal racing the last acceptance waits here, then sees the case as it is now).
 */
export async function lockCase(manager: EntityManager, caseId: string): Promise<LockedCase> {
  const [row] = (await manager.query(
    `SELECT id, reference, status, version, assigned_officer_id
       FROM ombudsman_case WHERE id = $1 FOR UPDATE`,
    [caseId],
  )) as {
    id: string;
    reference: string;
    status: CaseStatus;
    version: number;
    assigned_officer_id: string | null;
  }[];
  if (!row) throw caseNotFound(caseId);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    version: row.version,
    assignedOfficerId: row.assigned_officer_id,
  };
}

/** 409 with the current status unless the case is in one of these. */
export function requireStatus(c: LockedCase, allowed: readonly CaseStatus[], action: string): void {
  if (!allowed.includes(c.status)) throw invalidTransition(c.reference, c.status, action);
}
