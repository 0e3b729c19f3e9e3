import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RecordedActor, SYSTEM_ACTOR } from '../../auth/actor';
import { CaseRecorder } from '../../cases/case-recorder';
import { CaseTransitionsService } from '../../cases/case-transitions.service';
import { LockedCase, lockCase, requireCommand } from '../../cases/case-lock';
import { DomainError } from '../../common/errors/domain-error';
import { RemedyLedgerService } from '../../compensation/remedy-ledger.service';
import { foundProposal, proposalNotFound, proposalNotOpen } from '../mediation.errors';
import { ProposalClosureService } from '../proposal-closure.service';
import { effectiveStatus } from '../proposal-read';
import { Answer, Party, ProposalsRepository } from '../proposals.repository';

export type { Answer, Party } from '../proposals.repository';

/**
 * The parties' answers to a proposal, each given once. When both accept, the case settles and
 * the remedies become owed, in the same transaction; a refusal closes the proposal. The routes
 * are in the edges, which answer with the party's view of the case (docs/architecture.md).
 */
@Injectable()
export class ProposalAnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly transitions: CaseTransitionsService,
    private readonly ledger: RemedyLedgerService,
    private readonly closure: ProposalClosureService,
    private readonly proposals: ProposalsRepository,
  ) {}

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
      const row = foundProposal(await this.proposals.find(manager, caseId, proposalId), proposalId);
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
      const answers = await this.proposals.recordAnswer(manager, proposalId, party, {
        answer,
        reason: reason ?? null,
        by: who.sub,
      });
      if (!answers) throw proposalNotOpen(status);
      await this.recordAnswer(manager, c, proposalId, party, answer, who, reason);
      if (answer === 'rejected') {
        await this.proposals.close(manager, proposalId, 'reject');
        await this.ledger.supersede(manager, [proposalId]);
      } else if (answers.customer === 'accepted' && answers.company === 'accepted') {
        await this.settle(manager, c, proposalId);
      }
      return null;
    });
    if (refusal) throw refusal;
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
    await this.proposals.close(manager, proposalId, 'accept');
    const details = { proposalId };
    await this.transitions.apply(
      { caseId: c.id, command: 'settle', actor: SYSTEM_ACTOR, details },
      manager,
    );
    await this.transitions.apply(
      { caseId: c.id, command: 'begin_fulfilment', actor: SYSTEM_ACTOR, details },
      manager,
    );
    await this.ledger.bind(manager, c, proposalId, SYSTEM_ACTOR, { settledByMediation: true });
  }
}
