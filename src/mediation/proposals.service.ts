import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StaffActor, namedRef, RecordedActor } from '../auth/actor';
import { CaseStatus } from '../cases/case-lifecycle';
import { CaseRecorder } from '../cases/case-recorder';
import { CaseTransitionsService } from '../cases/case-transitions.service';
import { LockedCase, lockCase, requireCommand } from '../cases/case-lock';
import { DomainError } from '../common/errors/domain-error';
import { Money } from '../common/money/money';
import { BudgetService } from '../compensation/budget.service';
import { RemediesRepository } from '../compensation/remedies.repository';
import { RemedyLedgerService } from '../compensation/remedy-ledger.service';
import { groupBySource } from '../compensation/remedy-rows';
import { ProposalMadeDto, StaffProposalDto } from './dto/proposal-view.dto';
import { MakeProposalDto } from './dto/proposal-requests.dto';
import { foundProposal, requireHandler } from './mediation.errors';
import { ProposalClosureService } from './proposal-closure.service';
import { toStaffProposal } from './proposal-read';
import { ProposalsRepository } from './proposals.repository';

/**
 * Making mediation proposals: by the case's officer or an ombudsman, sent to both parties at
 * once, or once the approvals its remedies need are in. The parties' answers are
 * ProposalAnswersService's (answers/proposal-answers.service.ts).
 */
@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly transitions: CaseTransitionsService,
    private readonly ledger: RemedyLedgerService,
    private readonly budget: BudgetService,
    private readonly closure: ProposalClosureService,
    private readonly proposals: ProposalsRepository,
    private readonly remedies: RemediesRepository,
  ) {}

  propose(caseId: string, body: MakeProposalDto, actor: StaffActor): Promise<ProposalMadeDto> {
    this.ledger.validate(body.remedies);
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new DomainError('VALIDATION_FAILED', 'expiresAt is in the past', {}, [
        { field: 'expiresAt', message: 'expiresAt must be in the future' },
      ]);
    }
    const proposer = actor.roles.includes('ombudsman') ? 'ombudsman' : 'ombudsman_officer';
    const who = namedRef(actor);
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      requireHandler(c, actor);
      requireCommand(c, 'make_proposal', 'given a proposal');
      const replaced = await this.closure.closeLive(manager, c);
      const id = await this.proposals.insert(manager, {
        caseId,
        terms: body.terms,
        expiresAt,
        proposedBy: actor.sub,
        proposedByRole: proposer,
      });
      const { awaitingApproval } = await this.ledger.add(
        manager,
        caseId,
        'proposal',
        id,
        body.remedies,
        { sub: actor.sub, role: proposer },
      );
      const facts = {
        proposalId: id,
        terms: body.terms,
        expiresAt: expiresAt?.toISOString() ?? null,
        remedies: body.remedies,
        supersedes: replaced.filter((r) => r.status === 'superseded').map((r) => r.id),
        expired: replaced.filter((r) => r.status === 'expired').map((r) => r.id),
      };
      if (awaitingApproval) {
        await this.recorder.record(manager, c, {
          actor: who,
          timeline: { type: 'proposal.drafted', audience: 'office', data: { proposalId: id } },
          audit: { action: 'proposal.drafted', after: { ...facts, status: 'awaiting_approval' } },
          event: { type: 'proposal.awaiting_approval', payload: { proposalId: id } },
        });
      } else {
        await this.open(manager, c, id, who, facts);
      }
      const offered = body.remedies.flatMap((r): Money[] => (r.amount ? [r.amount] : []));
      const budgetWarnings = await this.budget.warnings(manager, offered);
      return { ...(await this.staffView(manager, caseId, id)), budgetWarnings };
    });
  }

  /** Sends a proposal whose remedies needed approval, once every approval is in. */
  send(caseId: string, proposalId: string, actor: StaffActor): Promise<StaffProposalDto> {
    const who = namedRef(actor);
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      requireHandler(c, actor);
      const row = foundProposal(await this.proposals.find(manager, caseId, proposalId), proposalId);
      if (row.status !== 'awaiting_approval') {
        throw new DomainError(
          'PROPOSAL_NOT_AWAITING_APPROVAL',
          `The proposal is ${row.status}: only a proposal awaiting approval is sent this way`,
          { proposalStatus: row.status },
        );
      }
      requireCommand(c, 'make_proposal', 'given a proposal');
      if (row.expires_at && row.expires_at.getTime() <= Date.now()) {
        throw new DomainError(
          'PROPOSAL_EXPIRED',
          'The proposal expired while it waited for approval: make a new one',
          { proposalStatus: row.status, expiresAt: row.expires_at.toISOString() },
        );
      }
      await this.ledger.requireApproved(manager, proposalId);
      await this.open(manager, c, proposalId, who, {
        proposalId,
        terms: row.terms,
        expiresAt: row.expires_at?.toISOString() ?? null,
      });
      return this.staffView(manager, caseId, proposalId);
    });
  }

  async list(caseId: string, reference: string, status: CaseStatus): Promise<StaffProposalDto[]> {
    const [rows, remedies] = await Promise.all([
      this.proposals.ofCase(caseId),
      this.remedies.ofCaseFrom(caseId, 'proposal'),
    ]);
    const bySource = groupBySource(remedies);
    const now = new Date();
    return rows.map((row) =>
      toStaffProposal(row, reference, bySource.get(row.id) ?? [], status, now),
    );
  }

  private async open(
    manager: EntityManager,
    c: LockedCase,
    proposalId: string,
    who: RecordedActor,
    facts: Record<string, unknown>,
  ): Promise<void> {
    await this.proposals.markSent(manager, proposalId);
    if (c.status === 'investigation') {
      await this.transitions.apply(
        { caseId: c.id, command: 'start_mediation', actor: who, details: { proposalId } },
        manager,
      );
    }
    await this.recorder.record(manager, c, {
      actor: who,
      timeline: { type: 'proposal.made', audience: 'everyone', data: { proposalId } },
      audit: { action: 'proposal.made', after: { ...facts, status: 'open' } },
      event: {
        type: 'proposal.made',
        payload: { proposalId, expiresAt: facts.expiresAt ?? null },
      },
    });
  }

  private async staffView(
    manager: EntityManager,
    caseId: string,
    proposalId: string,
  ): Promise<StaffProposalDto> {
    const c = await lockCase(manager, caseId);
    const row = foundProposal(await this.proposals.find(manager, caseId, proposalId), proposalId);
    const remedies = await this.remedies.ofSource(manager, proposalId);
    return toStaffProposal(row, c.reference, remedies, c.status, new Date());
  }
}
