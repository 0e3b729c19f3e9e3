import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorRef } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { CaseTimeline } from '../cases/timeline/case-timeline';
import { LockedCase } from '../cases/case-lock';
import { RemedyLedger } from '../compensation/remedy-ledger.service';
import { OutboxService } from '../notifications/outbox/outbox.service';
import { DecisionRow } from './decision-read';

/**
 * Once the customer answers the decision in force, a revision still awaiting approval can never
 * be issued: it is closed as `superseded` with its remedies, on the case's record, so that nobody
 * approves or issues it afterwards.
 */
@Injectable()
export class StrandedRevisions {
  constructor(
    private readonly ledger: RemedyLedger,
    private readonly timeline: CaseTimeline,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async close(
    manager: EntityManager,
    c: LockedCase,
    rows: readonly DecisionRow[],
    answered: { readonly revision: number; readonly answer: string },
    by: ActorRef,
  ): Promise<void> {
    for (const row of rows.filter((r) => r.status === 'awaiting_approval')) {
      await manager.query(
        `UPDATE case_decision SET status = 'superseded'
          WHERE id = $1 AND status = 'awaiting_approval'`,
        [row.id],
      );
      await this.ledger.supersede(manager, [row.id]);
      const facts = {
        decisionId: row.id,
        revision: row.revision,
        answeredRevision: answered.revision,
        answer: answered.answer,
      };
      await this.timeline.add(manager, {
        caseId: c.id,
        type: 'decision.revision_superseded',
        actor: by,
        audience: 'office',
        body: `Revision ${row.revision} awaited approval when the customer ${answered.answer} revision ${answered.revision}; it can no longer be issued.`,
        data: facts,
      });
      await this.audit.append(manager, {
        chainKey: c.id,
        actor: by,
        action: 'decision.revision_superseded',
        before: { decisionId: row.id, revision: row.revision, status: 'awaiting_approval' },
        after: { ...facts, status: 'superseded', contentHash: row.content_hash },
      });
      await this.outbox.record(manager, {
        type: 'decision.revision_superseded',
        aggregateType: 'case',
        aggregateId: c.reference,
        payload: { reference: c.reference, ...facts },
      });
    }
  }
}
