import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { firstRowOf, integer, text, textOrNull, timestamp } from '../common/sql-rows';

export interface FeedbackRow {
  readonly id: string;
  readonly rating: number;
  readonly comment: string | null;
  readonly createdAt: Date;
}

export interface RatedCase {
  readonly id: string;
  readonly reference: string;
  readonly status: string;
}

/** The SQL of satisfaction ratings (table case_feedback). */
@Injectable()
export class FeedbackRepository {
  /** The case, share-locked so that it cannot be reopened while it is rated. */
  async caseForRating(manager: EntityManager, caseId: string): Promise<RatedCase | null> {
    return firstRowOf(
      await manager.query(
        'SELECT id, reference, status FROM ombudsman_case WHERE id = $1 FOR SHARE',
        [caseId],
      ),
      (row) => ({
        id: text(row, 'id'),
        reference: text(row, 'reference'),
        status: text(row, 'status'),
      }),
    );
  }

  /** The rating, or null when the case was rated already (uq_case_feedback_case). */
  async insertOnce(
    manager: EntityManager,
    caseId: string,
    rating: number,
    comment: string | null,
  ): Promise<FeedbackRow | null> {
    return firstRowOf(
      await manager.query(
        `INSERT INTO case_feedback (case_id, rating, comment) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT uq_case_feedback_case DO NOTHING
         RETURNING id, rating, comment, created_at`,
        [caseId, rating, comment],
      ),
      (row) => ({
        id: text(row, 'id'),
        rating: integer(row, 'rating'),
        comment: textOrNull(row, 'comment'),
        createdAt: timestamp(row, 'created_at'),
      }),
    );
  }
}
