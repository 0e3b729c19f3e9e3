import { CaseStatus } from '../cases/case-lifecycle';
import { RemedyRow, toRemedyView, toStaffRemedy } from '../compensation/remedy-rows';
import { ProposalViewDto, StaffProposalDto } from './dto/proposal-view.dto';
import { ProposalState } from './proposal-lifecycle';

/** A proposal row as ProposalsRepository selects and checks it (proposals.repository.ts). */
export interface ProposalRow {
  id: string;
  case_id: string;
  terms: string;
  status: ProposalState;
  expires_at: Date | null;
  proposed_by: string;
  created_at: Date;
  sent_at: Date | null;
  customer_answer: string | null;
  customer_answered_at: Date | null;
  customer_reason: string | null;
  company_answer: string | null;
  company_answered_at: Date | null;
  company_answered_by: string | null;
  company_reason: string | null;
}

/**
 * What a stored status means now: an open proposal past its expiry is expired, and one left open
 * when the case moved on (withdrawn, in court) can no longer be answered.
 */
export function effectiveStatus(row: ProposalRow, caseStatus: CaseStatus, now: Date): string {
  if (row.status !== 'open') return row.status;
  if (row.expires_at && row.expires_at <= now) return 'expired';
  if (caseStatus !== 'mediation') return 'closed';
  return 'open';
}

function answer(answered: string | null, at: Date | null) {
  return answered && at ? { answer: answered, answeredAt: at.toISOString() } : null;
}

export function toPartyProposal(
  row: ProposalRow,
  remedies: readonly RemedyRow[],
  caseStatus: CaseStatus,
  now: Date,
): ProposalViewDto {
  return {
    id: row.id,
    terms: row.terms,
    status: effectiveStatus(row, caseStatus, now),
    madeAt: row.sent_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    remedies: remedies.map(toRemedyView),
    answers: {
      customer: answer(row.customer_answer, row.customer_answered_at),
      company: answer(row.company_answer, row.company_answered_at),
    },
  };
}

export function toStaffProposal(
  row: ProposalRow,
  reference: string,
  remedies: readonly RemedyRow[],
  caseStatus: CaseStatus,
  now: Date,
): StaffProposalDto {
  const customer = answer(row.customer_answer, row.customer_answered_at);
  const company = answer(row.company_answer, row.company_answered_at);
  return {
    id: row.id,
    caseReference: reference,
    terms: row.terms,
    status: effectiveStatus(row, caseStatus, now),
    proposedBy: row.proposed_by,
    createdAt: row.created_at.toISOString(),
    madeAt: row.sent_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    remedies: remedies.map((r) => toStaffRemedy(r, now)),
    answers: {
      customer: customer && { ...customer, reason: row.customer_reason, by: null },
      company: company && {
        ...company,
        reason: row.company_reason,
        by: row.company_answered_by,
      },
    },
  };
}
