import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor';
import { LockedCase } from '../cases/case-lock';
import { RemedyLedgerService } from '../compensation/remedy-ledger.service';
import { CaseRecorder } from '../cases/case-recorder';
import { ClosedProposal, ProposalsRepository } from './proposals.repository';

/**
 * Takes proposals off the table, inside the caller's transaction (the case is locked). An open
 * proposal whose expiry passed is stored as `expired`, because that is what happened to it; a newer
 * proposal or a decision supersedes the rest. Either way its remedies are no longer on offer.
 */
@Injectable()
export class ProposalClosureService {
  constructor(
    private readonly recorder: CaseRecorder,
    private readonly ledger: RemedyLedgerService,
    private readonly proposals: ProposalsRepository,
  ) {}

  /**
   * Closes the case's live proposal, if any, before a newer one or a decision. A draft never
   * reached the parties, so it cannot have expired for them: it is superseded.
   */
  async closeLive(manager: EntityManager, c: LockedCase): Promise<ClosedProposal[]> {
    const rows = await this.proposals.closeLive(manager, c.id);
    await this.lapse(manager, c, rows);
    return rows;
  }

  /** Stores the expiry of one open proposal past its expiresAt; false when it has not expired. */
  async expire(manager: EntityManager, c: LockedCase, proposalId: string): Promise<boolean> {
    const rows = await this.proposals.expire(manager, c.id, proposalId);
    await this.lapse(manager, c, rows);
    return rows.length > 0;
  }

  private async lapse(
    manager: EntityManager,
    c: LockedCase,
    rows: readonly ClosedProposal[],
  ): Promise<void> {
    await this.ledger.supersede(
      manager,
      rows.map((r) => r.id),
    );
    for (const row of rows.filter((r) => r.status === 'expired')) {
      const facts = { proposalId: row.id, expiresAt: row.expiresAt?.toISOString() ?? null };
      await this.recorder.record(manager, c, {
        actor: SYSTEM_ACTOR,
        timeline: { type: 'proposal.expired', audience: 'everyone', data: facts },
        audit: {
          action: 'proposal.expired',
          before: { proposalId: row.id, status: 'open' },
          after: { ...facts, status: 'expired' },
        },
        event: { type: 'proposal.expired', payload: facts },
      });
    }
  }
}
