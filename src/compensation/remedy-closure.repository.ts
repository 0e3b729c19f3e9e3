import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { changedRowsOf, integer, oneOf, text, timestamp } from '../common/sql-rows';
import { sqlList, sqlValue } from '../common/sql-literal';
import { remedyStatesFor, remedyTarget } from './remedy-lifecycle';
import { REMEDY_SOURCES, RemedySource } from './remedy-types';

export interface SupersededRemedy {
  readonly id: string;
  readonly source: RemedySource;
  readonly sourceId: string;
}

/** The SQL of closure's effect on remedies (src/compensation/remedy-closure.service.ts). */
@Injectable()
export class RemedyClosureRepository {
  /** Every remedy of the case still on offer becomes superseded; answers which, in offer order. */
  async supersedeOpen(manager: EntityManager, caseId: string): Promise<SupersededRemedy[]> {
    const rows = changedRowsOf(
      await manager.query(
        `UPDATE remedy SET status = ${sqlValue(remedyTarget('supersede'))}
          WHERE case_id = $1 AND status IN ${sqlList(remedyStatesFor('supersede'))}
          RETURNING id, source, source_id, created_at, position`,
        [caseId],
      ),
      (row) => ({
        id: text(row, 'id'),
        source: oneOf(row, 'source', REMEDY_SOURCES),
        sourceId: text(row, 'source_id'),
        order: [timestamp(row, 'created_at').getTime(), integer(row, 'position')] as const,
      }),
    );
    return rows
      .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])
      .map(({ id, source, sourceId }) => ({ id, source, sourceId }));
  }
}
