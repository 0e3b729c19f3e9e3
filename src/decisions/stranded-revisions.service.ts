import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorRef } from '../auth/actor';
import { LockedCase } from '../cases/case-lock';
import { RemedyLedgerService } from '../compensation/remedy-ledger.service';
import { DecisionRow } from './decision-read';
import { CaseRecorder } from '../cases/case-recorder';
import { DecisionsRepository } from './decisions.repository';

/**
 * Once the customer answers the decision in force, a revision still awaiting approval can never
 * be issued: it is closed as `superseded` with its remedies, on the case's record, so that nobody
 * approves or issues it afterwards.
 */
@Injectable()
export class StrandedRevisionsService {
  constructor(
    private readonly recorder: CaseRecorder,
    private readonly ledger: RemedyLedgerService,
    private readonly decisions: DecisionsRepository,
  ) {}

  async close(
    manager: EntityManager,
    c: LockedCase,
    rows: readonly DecisionRow[],
    answered: { readonly revision: number; readonly answer: string },
    by: ActorRef,
  ): Promise<void> {
    for (const row of rows.filter((r) => r.status === 'awaiting_approval')) {
      await this.decisions.supersedePending(manager, row.id);
      await this.ledger.supersede(manager, [row.id]);
      const facts = {
        decisionId: row.id,
        revision: row.revision,
        answeredRevision: answered.revision,
        answer: answered.answer,
      };
      await this.recorder.record(manager, c, {
        actor: by,
        timeline: {
          type: 'decision.revision_superseded',
          audience: 'office',
          body: `Revision ${row.revision} awaited approval when the customer ${answered.answer} revision ${answered.revision}; it can no longer be issued.`,
          data: facts,
        },
        audit: {
          action: 'decision.revision_superseded',
          before: { decisionId: row.id, revision: row.revision, status: 'awaiting_approval' },
          after: { ...facts, status: 'superseded', contentHash: row.content_hash },
        },
        event: { type: 'decision.revision_superseded', payload: facts },
      });
    }
  }
}
