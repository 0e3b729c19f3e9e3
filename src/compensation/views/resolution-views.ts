import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseStatus } from '../../cases/case-lifecycle';
import { decisionsOfCase, toPartyDecision } from '../../decisions/decision-read';
import { DecisionViewDto } from '../../decisions/dto/decision-view.dto';
import { ProposalViewDto } from '../../mediation/dto/proposal-view.dto';
import { proposalsOfCase, toPartyProposal } from '../../mediation/proposal-read';
import { RemedyViewDto } from '../dto/remedy.dto';
import { RemedyRow, remediesWhere, toRemedyView } from '../remedy-rows';

export interface PartyResolution {
  readonly proposals: ProposalViewDto[];
  readonly decision: DecisionViewDto | null;
  readonly remedies: RemedyViewDto[];
}

/**
 * What the customer and the company see of mediation, the decision and the remedies. Drafts
 * awaiting approval, the parties' reasons and staff identities stay with the office.
 */
@Injectable()
export class ResolutionViews {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forParties(c: { id: string; status: CaseStatus }): Promise<PartyResolution> {
    const manager = this.dataSource.manager;
    const [proposals, decisions, remedies] = await Promise.all([
      proposalsOfCase(manager, c.id),
      decisionsOfCase(manager, c.id),
      remediesWhere(manager, 'r.case_id = $1', [c.id]),
    ]);
    const bySource = groupBySource(remedies);
    const remediesOf = (id: string) => bySource.get(id) ?? [];
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
}

export function groupBySource(remedies: readonly RemedyRow[]): Map<string, RemedyRow[]> {
  const bySource = new Map<string, RemedyRow[]>();
  for (const r of remedies) {
    const list = bySource.get(r.source_id) ?? [];
    list.push(r);
    bySource.set(r.source_id, list);
  }
  return bySource;
}
