import { EntityManager } from 'typeorm';
import { CaseAction, CaseCommand, CaseStatus, mayApply } from './case-lifecycle';
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

/**
 * 409 with the current status unless the lifecycle table allows the command in it; `action` is
 * how the refusal words it ("Case … is closed: it cannot be <action> now").
 */
export function requireCommand(
  c: LockedCase,
  command: CaseCommand | CaseAction,
  action: string,
): void {
  if (!mayApply(c.status, command)) throw invalidTransition(c.reference, c.status, action);
}
