import { EntityManager } from 'typeorm';
import { CaseAction, CaseCommand, CaseStatus, mayApply } from './case-lifecycle';
import { caseNotFound, invalidTransition } from './cases.errors';
import { CasesRepository } from './cases.repository';

// The repository holds no state; a module-level one lets every layer lock without injecting it.
const CASES = new CasesRepository();

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
  const row = await CASES.lock(manager, caseId);
  if (!row) throw caseNotFound(caseId);
  return row;
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
