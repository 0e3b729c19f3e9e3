import { Injectable } from '@nestjs/common';
import { CaseStatus } from '../../cases/case-lifecycle';
import { toPartyDecision, toStaffDecision } from '../../decisions/decision-read';
import { DecisionsRepository } from '../../decisions/decisions.repository';
import { DecisionViewDto, StaffDecisionDto } from '../../decisions/dto/decision-view.dto';
import { ProposalViewDto, StaffProposalDto } from '../../mediation/dto/proposal-view.dto';
import { toPartyProposal, toStaffProposal } from '../../mediation/proposal-read';
import { ProposalsRepository } from '../../mediation/proposals.repository';
import { RemedyViewDto, StaffRemedyDto } from '../../compensation/dto/remedy.dto';
import { RemediesRepository } from '../../compensation/remedies.repository';
import {
  RemedyRow,
  groupBySource,
  toRemedyView,
  toStaffRemedy,
} from '../../compensation/remedy-rows';

export interface PartyResolution {
  readonly proposals: ProposalViewDto[];
  readonly decision: DecisionViewDto | null;
  readonly remedies: RemedyViewDto[];
}

export interface StaffResolution {
  readonly proposals: StaffProposalDto[];
  readonly decision: StaffDecisionDto | null;
  readonly remedies: StaffRemedyDto[];
}

/**
 * What the customer and the company see of mediation, the decision and the remedies. Drafts
 * awaiting approval, the parties' reasons and staff identities stay with the office.
 */
@Injectable()
export class ResolutionViewsService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly decisions: DecisionsRepository,
    private readonly remedies: RemediesRepository,
  ) {}

  async forParties(c: { id: string; status: CaseStatus }): Promise<PartyResolution> {
    const { proposals, decisions, remedies, remediesOf } = await this.load(c.id);
    const now = new Date();
    return {
      proposals: proposals
        .filter((p) => p.sent_at !== null)
        .map((p) => toPartyProposal(p, remediesOf(p.id), c.status, now)),
      decision: toPartyDecision(decisions, remediesOf),
      remedies: remedies
        .filter((r) => r.status === 'due' || r.status === 'fulfilled')
        .map(toRemedyView),
    };
  }

  /** Everything, for the office: drafts, every revision, reasons, approvals and confirmations. */
  async forStaff(c: {
    id: string;
    reference: string;
    status: CaseStatus;
  }): Promise<StaffResolution> {
    const { proposals, decisions, remedies, remediesOf } = await this.load(c.id);
    const now = new Date();
    return {
      proposals: proposals.map((p) =>
        toStaffProposal(p, c.reference, remediesOf(p.id), c.status, now),
      ),
      decision:
        decisions.length > 0 ? toStaffDecision(c.reference, decisions, remediesOf, now) : null,
      remedies: remedies.map((r) => toStaffRemedy(r, now)),
    };
  }

  private async load(caseId: string) {
    const [proposals, decisions, remedies] = await Promise.all([
      this.proposals.ofCase(caseId),
      this.decisions.ofCase(caseId),
      this.remedies.ofCase(caseId),
    ]);
    const bySource = groupBySource(remedies);
    const remediesOf = (id: string): RemedyRow[] => bySource.get(id) ?? [];
    return { proposals, decisions, remedies, remediesOf };
  }
}
