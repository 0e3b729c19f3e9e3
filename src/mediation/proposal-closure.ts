import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor';
import { LockedCase } from '../cases/case-lock';
import { RemedyLedger } from '../compensation/remedy-ledger.service';
import { CaseRecorder } from '../cases/case-recorder';
import { sqlList, sqlValue } from '../common/sql-literal';
import { proposalStatesFor, proposalTarget } from './proposal-lifecycle';

interface ClosedRow {
  id: string;
  status: 'expired' | 'superseded';
  expires_at: Date | null;
}

/**
 * Takes proposals off the table, inside the caller's transaction (the case is locked). An open
 * proposal whose expiry passed is stored as `expired`, because that is what happened to it; a newer
 * proposal or a decision supersedes the rest. Either way its remedies are no longer on offer.
 */
@Injectable()
export class ProposalClosure {
  constructor(
    private readonly recorder: CaseRecorder,
    private readonly ledger: RemedyLedger,
  ) {}

  /**
   * Closes the case's live proposal, if any, before a newer one or a decision. A draft never
   * reached the parties, so it cannot have expired for them: it is superseded.
   */
  async closeLive(manager: EntityManager, c: LockedCase): Promise<ClosedRow[]> {
    const [rows] = (await manager.query(
      `UPDATE mediation_proposal
          SET status = CASE WHEN status IN ${sqlList(proposalStatesFor('expire'))} AND expires_at <= now()
                            THEN ${sqlValue(proposalTarget('expire'))} ELSE ${sqlValue(proposalTarget('supersede'))} END,
              closed_at = CASE WHEN status IN ${sqlList(proposalStatesFor('expire'))} AND expires_at <= now()
                               THEN expires_at ELSE now() END
        WHERE case_id = $1 AND status IN ${sqlList(proposalStatesFor('supersede'))}
        RETURNING id, status, expires_at`,
      [c.id],
    )) as [ClosedRow[], number];
    await this.lapse(manager, c, rows);
    return rows;
  }

  /** Stores the expiry of one open proposal past its expiresAt; false when it has not expired. */
  async expire(manager: EntityManager, c: LockedCase, proposalId: string): Promise<boolean> {
    const [rows] = (await manager.query(
      `UPDATE mediation_proposal SET status = ${sqlValue(proposalTarget('expire'))}, closed_at = expires_at
        WHERE id = $1 AND case_id = $2 AND status IN ${sqlList(proposalStatesFor('expire'))} AND expires_at <= now()
        RETURNING id, status, expires_at`,
      [proposalId, c.id],
    )) as [ClosedRow[], number];
    await this.lapse(manager, c, rows);
    return rows.length > 0;
  }

  private async lapse(manager: EntityManager, c: LockedCase, rows: ClosedRow[]): Promise<void> {
    await this.ledger.supersede(
      manager,
      rows.map((r) => r.id),
    );
    for (const row of rows.filter((r) => r.status === 'expired')) {
      const facts = { proposalId: row.id, expiresAt: row.expires_at?.toISOString() ?? null };
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
