import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseStatus } from '../../cases/case-lifecycle';
import { decisionsOfCase, toPartyDecision, toStaffDecision } from '../../decisions/decision-read';
import { DecisionViewDto, StaffDecisionDto } from '../../decisions/dto/decision-view.dto';
import { ProposalViewDto, StaffProposalDto } from '../../mediation/dto/proposal-view.dto';
import { proposalsOfCase, toPartyProposal, toStaffProposal } from '../../mediation/proposal-read';
import { RemedyViewDto, StaffRemedyDto } from '../../compensation/dto/remedy.dto';
import {
  RemedyRow,
  groupBySource,
  remediesWhere,
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
export class ResolutionViews {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    const manager = this.dataSource.manager;
    const [proposals, decisions, remedies] = await Promise.all([
      proposalsOfCase(manager, caseId),
      decisionsOfCase(manager, caseId),
      remediesWhere(manager, 'r.case_id = $1', [caseId]),
    ]);
    const bySource = groupBySource(remedies);
    const remediesOf = (id: string): RemedyRow[] => bySource.get(id) ?? [];
    return { proposals, decisions, remedies, remediesOf };
  }
}
