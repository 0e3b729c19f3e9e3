import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertedRowOf, integer, rowsOf, text } from '../common/sql-rows';

export interface ApprovalCount {
  readonly id: string;
  readonly approvalsRequired: number;
  readonly given: number;
}

/** The SQL of approvals above the authority limits (table remedy_approval). */
@Injectable()
export class RemedyApprovalsRepository {
  /** The remedies of a source that need approvals, with how many they have, in their order. */
  async approvalCounts(manager: EntityManager, sourceId: string): Promise<ApprovalCount[]> {
    return rowsOf(
      await manager.query(
        `SELECT r.id, r.approvals_required,
                (SELECT count(*)::int FROM remedy_approval a WHERE a.remedy_id = r.id) AS given
           FROM remedy r
          WHERE r.source_id = $1 AND r.approvals_required > 0
          ORDER BY r.position`,
        [sourceId],
      ),
      (row) => ({
        id: text(row, 'id'),
        approvalsRequired: integer(row, 'approvals_required'),
        given: integer(row, 'given'),
      }),
    );
  }

  async addApproval(
    manager: EntityManager,
    remedyId: string,
    approver: string,
    approverName: string | null,
  ): Promise<string> {
    return insertedRowOf(
      await manager.query(
        `INSERT INTO remedy_approval (remedy_id, approver, approver_name) VALUES ($1, $2, $3)
         RETURNING id`,
        [remedyId, approver, approverName],
      ),
      (row) => text(row, 'id'),
    );
  }
}
