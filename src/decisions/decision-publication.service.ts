import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedActor } from '../auth/actor';
import { CaseRecorder } from '../cases/case-recorder';
import { CaseTransitionsService } from '../cases/case-transitions.service';
import { LockedCase } from '../cases/case-lock';
import { RemedyLedgerService } from '../compensation/remedy-ledger.service';
import { ProposalClosureService } from '../mediation/proposal-closure.service';
import { DeadlinesService } from '../sla/deadlines.service';
import { SlaPoliciesService } from '../sla/policies/sla-policies.service';
import { DecisionRow } from './decision-read';

/**
 * What issuing a revision does beyond storing it: the first one ends mediation and starts the
 * customer's answer deadline; a later one replaces the revision in force and its remedies.
 */
@Injectable()
export class DecisionPublicationService {
  constructor(
    private readonly recorder: CaseRecorder,
    private readonly transitions: CaseTransitionsService,
    private readonly ledger: RemedyLedgerService,
    private readonly deadlines: DeadlinesService,
    private readonly policies: SlaPoliciesService,
    private readonly proposals: ProposalClosureService,
  ) {}

  async publishFirst(
    manager: EntityManager,
    c: LockedCase,
    row: DecisionRow,
    by: RecordedActor,
  ): Promise<void> {
    // A decision ends mediation: proposals still on the table lapse with their remedies.
    await this.proposals.closeLive(manager, c);
    const facts = {
      decisionId: row.id,
      revision: row.revision,
      finding: row.finding,
      contentHash: row.content_hash,
    };
    await this.transitions.apply(
      { caseId: c.id, command: 'issue_decision', actor: by, details: facts },
      manager,
    );
    const now = new Date();
    await this.deadlines.open(manager, {
      caseId: c.id,
      kind: 'decision_answer',
      party: 'customer',
      startedAt: now,
      dueAt: await this.policies.dueAt('decision_answer', now, manager),
      subjectId: row.id,
    });
    await this.recorder.record(manager, c, {
      actor: by,
      timeline: {
        type: 'decision.issued',
        audience: 'everyone',
        data: { decisionId: row.id, revision: row.revision, finding: row.finding },
      },
      audit: { action: 'decision.issued', after: facts },
      event: { type: 'decision.issued', payload: facts },
    });
  }

  async publishRevision(
    manager: EntityManager,
    c: LockedCase,
    row: DecisionRow,
    previous: DecisionRow,
    by: RecordedActor,
  ): Promise<void> {
    await this.ledger.supersede(manager, [previous.id]);
    const facts = {
      decisionId: row.id,
      revision: row.revision,
      finding: row.finding,
      contentHash: row.content_hash,
      previousRevision: previous.revision,
      previousContentHash: previous.content_hash,
    };
    await this.recorder.record(manager, c, {
      actor: by,
      timeline: {
        type: 'decision.revised',
        audience: 'everyone',
        body: row.revision_reason ?? undefined,
        data: { decisionId: row.id, revision: row.revision, finding: row.finding },
      },
      audit: {
        action: 'decision.revised',
        before: { decisionId: previous.id, revision: previous.revision },
        after: { ...facts, reason: row.revision_reason },
      },
      event: { type: 'decision.revised', payload: facts },
    });
  }
}
