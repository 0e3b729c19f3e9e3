import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StaffActor, namedRef, RecordedActor } from '../auth/actor';
import { CaseStatus } from '../cases/case-lifecycle';
import { CaseTransitions } from '../cases/case-transitions.service';
import { DomainError } from '../common/errors/domain-error';
import { Money } from '../common/money/money';
import { BudgetService } from '../compensation/budget.service';
import { LockedCase, lockCase, requireCommand } from '../cases/case-lock';
import { RemedyLedger } from '../compensation/remedy-ledger.service';
import { remediesWhere } from '../compensation/remedy-rows';
import { groupBySource } from '../compensation/remedy-rows';
import { ProposalMadeDto, StaffProposalDto } from './dto/proposal-view.dto';
import { MakeProposalDto } from './dto/proposal-requests.dto';
import { proposalNotFound, proposalNotOpen, requireHandler } from './mediation.errors';
import { ProposalClosure } from './proposal-closure';
import { effectiveStatus, ProposalRow, proposalsOfCase, toStaffProposal } from './proposal-read';
import { CaseRecorder } from '../cases/case-recorder';
import { sqlList, sqlValue } from '../common/sql-literal';
import { proposalStatesFor, proposalTarget } from './proposal-lifecycle';

export type Party = 'customer' | 'company';
export type Answer = 'accepted' | 'rejected';

const SYSTEM: RecordedActor = { sub: 'system', role: 'system' };

/**
 * Mediation proposals: made by the case's officer or an ombudsman, answered once by each party.
 * When both accept, the case settles and the remedies become owed, in the same transaction.
 */
@Injectable()
export class MediationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly transitions: CaseTransitions,
    private readonly ledger: RemedyLedger,
    private readonly budget: BudgetService,
    private readonly closure: ProposalClosure,
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
      const [{ id }] = (await manager.query(
        `INSERT INTO mediation_proposal (case_id, terms, status, expires_at, proposed_by, proposed_by_role)
         VALUES ($1, $2, 'awaiting_approval', $3, $4, $5) RETURNING id`,
        [caseId, body.terms, expiresAt, actor.sub, proposer],
      )) as { id: string }[];
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
      const row = await this.proposal(manager, caseId, proposalId);
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

  async answer(
    caseId: string,
    proposalId: string,
    party: Party,
    answer: Answer,
    who: RecordedActor,
    reason?: string,
  ): Promise<void> {
    // An expiry found here is stored (and committed) before the answer is refused.
    const refusal = await this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      const row = await this.proposal(manager, caseId, proposalId);
      // Drafts are the office's: a party cannot answer, or learn of, a proposal not sent to it.
      if (row.sent_at === null) throw proposalNotFound(proposalId);
      requireCommand(c, 'answer_proposal', `answered (proposal ${proposalId})`);
      if (await this.closure.expire(manager, c, proposalId)) return proposalNotOpen('expired');
      const status = effectiveStatus(row, c.status, new Date());
      if (status !== 'open') throw proposalNotOpen(status);
      if ((party === 'customer' ? row.customer_answer : row.company_answer) !== null) {
        throw new DomainError('PROPOSAL_ALREADY_ANSWERED', 'You have already answered', {
          proposalStatus: status,
        });
      }
      const updated = (await manager.query(
        party === 'customer'
          ? `UPDATE mediation_proposal
                SET customer_answer = $2, customer_answered_at = now(), customer_reason = $3
              WHERE id = $1 AND status IN ${sqlList(proposalStatesFor('answer'))} AND customer_answer IS NULL
                AND (expires_at IS NULL OR expires_at > now())
              RETURNING customer_answer, company_answer`
          : `UPDATE mediation_proposal
                SET company_answer = $2, company_answered_at = now(), company_reason = $3,
                    company_answered_by = $4
              WHERE id = $1 AND status IN ${sqlList(proposalStatesFor('answer'))} AND company_answer IS NULL
                AND (expires_at IS NULL OR expires_at > now())
              RETURNING customer_answer, company_answer`,
        party === 'customer'
          ? [proposalId, answer, reason ?? null]
          : [proposalId, answer, reason ?? null, who.sub],
      )) as [{ customer_answer: string | null; company_answer: string | null }[], number];
      if (updated[0].length === 0) throw proposalNotOpen(status);
      const answers = updated[0][0];
      await this.recordAnswer(manager, c, proposalId, party, answer, who, reason);
      if (answer === 'rejected') {
        await manager.query(
          `UPDATE mediation_proposal SET status = ${sqlValue(proposalTarget('reject'))}, closed_at = now()
            WHERE id = $1 AND status IN ${sqlList(proposalStatesFor('reject'))}`,
          [proposalId],
        );
        await this.ledger.supersede(manager, [proposalId]);
      } else if (answers.customer_answer === 'accepted' && answers.company_answer === 'accepted') {
        await this.settle(manager, c, proposalId);
      }
      return null;
    });
    if (refusal) throw refusal;
  }

  async list(caseId: string, reference: string, status: CaseStatus): Promise<StaffProposalDto[]> {
    const manager = this.dataSource.manager;
    const [rows, remedies] = await Promise.all([
      proposalsOfCase(manager, caseId),
      remediesWhere(manager, `r.case_id = $1 AND r.source = 'proposal'`, [caseId]),
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
    await manager.query(
      `UPDATE mediation_proposal SET status = ${sqlValue(proposalTarget('send'))}, sent_at = now()
        WHERE id = $1 AND status IN ${sqlList(proposalStatesFor('send'))}`,
      [proposalId],
    );
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

  private async recordAnswer(
    manager: EntityManager,
    c: LockedCase,
    proposalId: string,
    party: Party,
    answer: Answer,
    who: RecordedActor,
    reason?: string,
  ): Promise<void> {
    const facts = { proposalId, party, answer };
    // A reason is addressed to the office; the other party sees only the answer.
    await this.recorder.record(manager, c, {
      actor: who,
      timeline: { type: 'proposal.answered', audience: 'everyone', data: facts },
      audit: { action: 'proposal.answered', after: { ...facts, reason: reason ?? null } },
      event: { type: 'proposal.answered', payload: facts },
    });
  }

  /** Both parties accepted: settled, then the remedies are owed and followed to payment. */
  private async settle(manager: EntityManager, c: LockedCase, proposalId: string): Promise<void> {
    await manager.query(
      `UPDATE mediation_proposal SET status = ${sqlValue(proposalTarget('accept'))}, closed_at = now()
        WHERE id = $1 AND status IN ${sqlList(proposalStatesFor('accept'))}`,
      [proposalId],
    );
    const details = { proposalId };
    await this.transitions.apply(
      { caseId: c.id, command: 'settle', actor: SYSTEM, details },
      manager,
    );
    await this.transitions.apply(
      { caseId: c.id, command: 'begin_fulfilment', actor: SYSTEM, details },
      manager,
    );
    await this.ledger.bind(manager, c, proposalId, SYSTEM, { settledByMediation: true });
  }

  private async proposal(
    manager: EntityManager,
    caseId: string,
    proposalId: string,
  ): Promise<ProposalRow> {
    const [row] = (await manager.query(
      'SELECT * FROM mediation_proposal WHERE id = $1 AND case_id = $2',
      [proposalId, caseId],
    )) as ProposalRow[];
    if (!row) throw proposalNotFound(proposalId);
    return row;
  }

  private async staffView(
    manager: EntityManager,
    caseId: string,
    proposalId: string,
  ): Promise<StaffProposalDto> {
    const c = await lockCase(manager, caseId);
    const row = await this.proposal(manager, caseId, proposalId);
    const remedies = await remediesWhere(manager, 'r.source_id = $1', [proposalId]);
    return toStaffProposal(row, c.reference, remedies, c.status, new Date());
  }
}
