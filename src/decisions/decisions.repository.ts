import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  changedRowsOf,
  insertedRowOf,
  integer,
  oneOf,
  RawRow,
  rowsOf,
  text,
  textOrNull,
  timestamp,
  timestampOrNull,
} from '../common/sql-rows';
import { DecisionRow } from './decision-read';

const DECISION_STATUSES: readonly DecisionRow['status'][] = [
  'awaiting_approval',
  'issued',
  'superseded',
];
const FINDINGS: readonly DecisionRow['finding'][] = ['upheld', 'partially_upheld', 'not_upheld'];

export interface NewRevision {
  readonly caseId: string;
  readonly revision: number;
  readonly status: 'awaiting_approval' | 'issued';
  readonly finding: DecisionRow['finding'];
  readonly reasoning: string;
  readonly revisionReason: string | null;
  readonly draftedBy: string;
  readonly draftedByName: string | null;
  readonly contentHash: string;
}

/** The SQL of decisions, their revisions and the customer's answer (case_decision, decision_answer). */
@Injectable()
export class DecisionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every revision of the case's decision, in order, each with the customer's answer to it. */
  async ofCase(caseId: string, manager = this.dataSource.manager): Promise<DecisionRow[]> {
    return rowsOf(
      await manager.query(
        `SELECT d.*, a.answer, a.answered_at
           FROM case_decision d LEFT JOIN decision_answer a ON a.decision_id = d.id
          WHERE d.case_id = $1 ORDER BY d.revision`,
        [caseId],
      ),
      toDecisionRow,
    );
  }

  /** A revision, issued at once (by its drafter) or awaiting approval. */
  async insert(manager: EntityManager, revision: NewRevision): Promise<DecisionRow> {
    return insertedRowOf(
      await manager.query(
        `INSERT INTO case_decision (case_id, revision, status, finding, reasoning, revision_reason,
                                    drafted_by, drafted_by_name, issued_by, issued_at, content_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $3 = 'issued' THEN now() END, $10)
         RETURNING *`,
        [
          revision.caseId,
          revision.revision,
          revision.status,
          revision.finding,
          revision.reasoning,
          revision.revisionReason,
          revision.draftedBy,
          revision.draftedByName,
          revision.status === 'issued' ? revision.draftedBy : null,
          revision.contentHash,
        ],
      ),
      toDecisionRow,
    );
  }

  /** Issues the revision that awaited approval; null when it no longer awaits it. */
  async issue(manager: EntityManager, id: string, issuedBy: string): Promise<DecisionRow | null> {
    const [row] = changedRowsOf(
      await manager.query(
        `UPDATE case_decision SET status = 'issued', issued_at = now(), issued_by = $2
          WHERE id = $1 AND status = 'awaiting_approval' RETURNING *`,
        [id, issuedBy],
      ),
      toDecisionRow,
    );
    return row ?? null;
  }

  /** A revision awaiting approval that can never be issued any more. */
  async supersedePending(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE case_decision SET status = 'superseded'
        WHERE id = $1 AND status = 'awaiting_approval'`,
      [id],
    );
  }

  async insertAnswer(
    manager: EntityManager,
    answer: { decisionId: string; caseId: string; answer: string; reason: string | null },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO decision_answer (decision_id, case_id, answer, reason) VALUES ($1, $2, $3, $4)`,
      [answer.decisionId, answer.caseId, answer.answer, answer.reason],
    );
  }
}

/** A case_decision row; the answer columns are there only when joined (null otherwise). */
function toDecisionRow(row: RawRow): DecisionRow {
  return {
    id: text(row, 'id'),
    case_id: text(row, 'case_id'),
    revision: integer(row, 'revision'),
    status: oneOf(row, 'status', DECISION_STATUSES),
    finding: oneOf(row, 'finding', FINDINGS),
    reasoning: text(row, 'reasoning'),
    revision_reason: textOrNull(row, 'revision_reason'),
    drafted_by: text(row, 'drafted_by'),
    created_at: timestamp(row, 'created_at'),
    issued_by: textOrNull(row, 'issued_by'),
    issued_at: timestampOrNull(row, 'issued_at'),
    content_hash: text(row, 'content_hash'),
    answer: 'answer' in row ? textOrNull(row, 'answer') : null,
    answered_at: 'answered_at' in row ? timestampOrNull(row, 'answered_at') : null,
  };
}
