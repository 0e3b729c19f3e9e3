import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sqlList, sqlValue } from '../common/sql-literal';
import {
  changedRowsOf,
  firstRowOf,
  insertedRowOf,
  oneOf,
  oneOfOrNull,
  RawRow,
  rowsOf,
  text,
  textOrNull,
  timestamp,
  timestampOrNull,
} from '../common/sql-rows';
import { PROPOSAL_STATES, proposalStatesFor, proposalTarget } from './proposal-lifecycle';
import { ProposalRow } from './proposal-read';

export type Party = 'customer' | 'company';
export type Answer = 'accepted' | 'rejected';
const ANSWERS: readonly Answer[] = ['accepted', 'rejected'];

export interface NewProposal {
  readonly caseId: string;
  readonly terms: string;
  readonly expiresAt: Date | null;
  readonly proposedBy: string;
  readonly proposedByRole: string;
}

/** A proposal taken off the table by a newer one, a decision or its expiry. */
export interface ClosedProposal {
  readonly id: string;
  readonly status: 'expired' | 'superseded';
  readonly expiresAt: Date | null;
}

/** Both parties' answers after one of them answered. */
export interface ProposalAnswers {
  readonly customer: Answer | null;
  readonly company: Answer | null;
}

/** The SQL of mediation proposals (table mediation_proposal); states come from the lifecycle. */
@Injectable()
export class ProposalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new proposal, awaiting approval until `markSent`. */
  async insert(manager: EntityManager, proposal: NewProposal): Promise<string> {
    return insertedRowOf(
      await manager.query(
        `INSERT INTO mediation_proposal (case_id, terms, status, expires_at, proposed_by, proposed_by_role)
         VALUES ($1, $2, 'awaiting_approval', $3, $4, $5) RETURNING id`,
        [
          proposal.caseId,
          proposal.terms,
          proposal.expiresAt,
          proposal.proposedBy,
          proposal.proposedByRole,
        ],
      ),
      (row) => text(row, 'id'),
    );
  }

  /** A proposal of this case; null for a proposal id of another case. */
  async find(manager: EntityManager, caseId: string, id: string): Promise<ProposalRow | null> {
    return firstRowOf(
      await manager.query('SELECT * FROM mediation_proposal WHERE id = $1 AND case_id = $2', [
        id,
        caseId,
      ]),
      toProposalRow,
    );
  }

  async ofCase(caseId: string, manager = this.dataSource.manager): Promise<ProposalRow[]> {
    return rowsOf(
      await manager.query(
        'SELECT * FROM mediation_proposal WHERE case_id = $1 ORDER BY created_at, id',
        [caseId],
      ),
      toProposalRow,
    );
  }

  async markSent(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE mediation_proposal SET status = ${sqlValue(proposalTarget('send'))}, sent_at = now()
        WHERE id = $1 AND status IN ${sqlList(proposalStatesFor('send'))}`,
      [id],
    );
  }

  /**
   * Stores one party's answer while the proposal is open, unexpired and unanswered by that party;
   * null when it was not (someone else got there first).
   */
  async recordAnswer(
    manager: EntityManager,
    id: string,
    party: Party,
    answer: { answer: Answer; reason: string | null; by: string },
  ): Promise<ProposalAnswers | null> {
    const open = `status IN ${sqlList(proposalStatesFor('answer'))}
                  AND (expires_at IS NULL OR expires_at > now())`;
    const result: unknown = await manager.query(
      party === 'customer'
        ? `UPDATE mediation_proposal
              SET customer_answer = $2, customer_answered_at = now(), customer_reason = $3
            WHERE id = $1 AND ${open} AND customer_answer IS NULL
            RETURNING customer_answer, company_answer`
        : `UPDATE mediation_proposal
              SET company_answer = $2, company_answered_at = now(), company_reason = $3,
                  company_answered_by = $4
            WHERE id = $1 AND ${open} AND company_answer IS NULL
            RETURNING customer_answer, company_answer`,
      party === 'customer'
        ? [id, answer.answer, answer.reason]
        : [id, answer.answer, answer.reason, answer.by],
    );
    const [answers] = changedRowsOf(result, (row) => ({
      customer: oneOfOrNull(row, 'customer_answer', ANSWERS),
      company: oneOfOrNull(row, 'company_answer', ANSWERS),
    }));
    return answers ?? null;
  }

  /** Both parties accepted, or one refused: the proposal closes. */
  async close(manager: EntityManager, id: string, command: 'accept' | 'reject'): Promise<void> {
    await manager.query(
      `UPDATE mediation_proposal SET status = ${sqlValue(proposalTarget(command))}, closed_at = now()
        WHERE id = $1 AND status IN ${sqlList(proposalStatesFor(command))}`,
      [id],
    );
  }

  /**
   * Closes the case's live proposals: an open one past its expiry as `expired` (at its expiry),
   * any other as `superseded` (now).
   */
  async closeLive(manager: EntityManager, caseId: string): Promise<ClosedProposal[]> {
    const expired = `status IN ${sqlList(proposalStatesFor('expire'))} AND expires_at <= now()`;
    return changedRowsOf(
      await manager.query(
        `UPDATE mediation_proposal
            SET status = CASE WHEN ${expired}
                              THEN ${sqlValue(proposalTarget('expire'))}
                              ELSE ${sqlValue(proposalTarget('supersede'))} END,
                closed_at = CASE WHEN ${expired} THEN expires_at ELSE now() END
          WHERE case_id = $1 AND status IN ${sqlList(proposalStatesFor('supersede'))}
          RETURNING id, status, expires_at`,
        [caseId],
      ),
      toClosedProposal,
    );
  }

  /** Stores the expiry of one open proposal past its expiresAt; empty when it has not expired. */
  async expire(manager: EntityManager, caseId: string, id: string): Promise<ClosedProposal[]> {
    return changedRowsOf(
      await manager.query(
        `UPDATE mediation_proposal
            SET status = ${sqlValue(proposalTarget('expire'))}, closed_at = expires_at
          WHERE id = $1 AND case_id = $2 AND status IN ${sqlList(proposalStatesFor('expire'))}
            AND expires_at <= now()
          RETURNING id, status, expires_at`,
        [id, caseId],
      ),
      toClosedProposal,
    );
  }

  /** Open proposals past their expiry, the oldest expiry first (a partial index). */
  async dueForExpiry(limit: number): Promise<{ id: string; caseId: string }[]> {
    return rowsOf(
      await this.dataSource.query(
        `SELECT id, case_id FROM mediation_proposal
          WHERE status IN ${sqlList(proposalStatesFor('expire'))} AND expires_at <= now()
          ORDER BY expires_at LIMIT $1`,
        [limit],
      ),
      (row) => ({ id: text(row, 'id'), caseId: text(row, 'case_id') }),
    );
  }
}

const CLOSED_STATES = ['expired', 'superseded'] as const;

function toClosedProposal(row: RawRow): ClosedProposal {
  return {
    id: text(row, 'id'),
    status: oneOf(row, 'status', CLOSED_STATES),
    expiresAt: timestampOrNull(row, 'expires_at'),
  };
}

function toProposalRow(row: RawRow): ProposalRow {
  return {
    id: text(row, 'id'),
    case_id: text(row, 'case_id'),
    terms: text(row, 'terms'),
    status: oneOf(row, 'status', PROPOSAL_STATES),
    expires_at: timestampOrNull(row, 'expires_at'),
    proposed_by: text(row, 'proposed_by'),
    created_at: timestamp(row, 'created_at'),
    sent_at: timestampOrNull(row, 'sent_at'),
    customer_answer: textOrNull(row, 'customer_answer'),
    customer_answered_at: timestampOrNull(row, 'customer_answered_at'),
    customer_reason: textOrNull(row, 'customer_reason'),
    company_answer: textOrNull(row, 'company_answer'),
    company_answered_at: timestampOrNull(row, 'company_answered_at'),
    company_answered_by: textOrNull(row, 'company_answered_by'),
    company_reason: textOrNull(row, 'company_reason'),
  };
}
