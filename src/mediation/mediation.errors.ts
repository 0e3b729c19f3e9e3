import { StaffActor } from '../auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { LockedCase } from '../cases/case-lock';

export function proposalNotFound(id: string): DomainError {
  return new DomainError('PROPOSAL_NOT_FOUND', `No proposal ${id} on this case`);
}

export function proposalNotOpen(status: string): DomainError {
  return new DomainError('PROPOSAL_NOT_OPEN', `The proposal is ${status}: it cannot be answered`, {
    proposalStatus: status,
  });
}

/** Mediation is the assigned officer's work; an ombudsman may step in on any case. */
export function requireHandler(c: LockedCase, actor: StaffActor): void {
  if (actor.roles.includes('ombudsman')) return;
  if (c.assignedOfficerId !== actor.sub) {
    throw new DomainError(
      'CASE_NOT_ASSIGNED_TO_YOU',
      `Case ${c.reference} is not assigned to you: its officer or an ombudsman may do this`,
    );
  }
}
