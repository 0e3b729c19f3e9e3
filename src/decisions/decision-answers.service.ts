import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RecordedActor } from '../auth/actor';
import { CaseRecorder } from '../cases/case-recorder';
import { CaseTransitionsService } from '../cases/case-transitions.service';
import { lockCase, requireCommand } from '../cases/case-lock';
import { DomainError } from '../common/errors/domain-error';
import { RemedyLedgerService } from '../compensation/remedy-ledger.service';
import { DeadlinesService } from '../sla/deadlines.service';
import { currentDecision } from './decision-read';
import { DecisionsRepository } from './decisions.repository';
import { StrandedRevisionsService } from './stranded-revisions.service';

export type DecisionAnswer = 'accepted' | 'rejected';

/**
 * The customer's answer to the decision in force. Accepting binds the company: the remedies
 * become owed (or the case closes, when nothing was upheld). Rejecting closes the case; the
 * customer keeps the courts.
 */
@Injectable()
export class DecisionAnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly transitions: CaseTransitionsService,
    private readonly ledger: RemedyLedgerService,
    private readonly deadlines: DeadlinesService,
    private readonly stranded: StrandedRevisionsService,
    private readonly decisions: DecisionsRepository,
  ) {}

  answer(
    caseId: string,
    answer: DecisionAnswer,
    by: RecordedActor,
    reason?: string,
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      requireCommand(c, answer === 'accepted' ? 'accept_decision' : 'reject_decision', 'answered');
      const rows = await this.decisions.ofCase(caseId, manager);
      const current = currentDecision(rows);
      if (!current) throw new DomainError('DECISION_NOT_FOUND', 'No decision to answer');
      await this.decisions.insertAnswer(manager, {
        decisionId: current.id,
        caseId,
        answer,
        reason: reason ?? null,
      });
      const details = { decisionId: current.id, revision: current.revision };
      const moved = await this.transitions.apply(
        {
          caseId,
          command: answer === 'accepted' ? 'accept_decision' : 'reject_decision',
          actor: by,
          context: { finding: current.finding },
          reason,
          details,
        },
        manager,
      );
      await this.deadlines.meet(manager, caseId, ['decision_answer']);
      const facts = { ...details, answer, finding: current.finding };
      await this.recorder.record(manager, c, {
        actor: by,
        audit: {
          action: 'decision.answered',
          after: { ...facts, reason: reason ?? null, contentHash: current.content_hash },
        },
        event: { type: 'decision.answered', payload: facts },
      });
      await this.stranded.close(manager, c, rows, { revision: current.revision, answer }, by);
      if (moved.to === 'fulfilment') {
        await this.ledger.bind(manager, c, current.id, by, { finding: current.finding });
      } else {
        await this.ledger.supersede(manager, [current.id]);
      }
    });
  }
}
