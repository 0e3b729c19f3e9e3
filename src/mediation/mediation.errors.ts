import { StaffActor } from '../auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { LockedCase } from '../cases/case-lock';
import { ProposalRow } from './proposal-read';

export function proposalNotFound(id: string): DomainError {
  return new DomainError('PROPOSAL_NOT_FOUND', `No proposal ${id} on this case`);
}

/** The proposal found on this case, or 404: a proposal id of another case finds nothing. */
export function foundProposal(row: ProposalRow | null, id: string): ProposalRow {
  if (!row) throw proposalNotFound(id);
  return row;
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
