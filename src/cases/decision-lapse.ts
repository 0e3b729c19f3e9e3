import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { AnswerLapseHandler, LapsedAnswer } from '../sla/sweep/answer-lapse.port';
import { SlaSweep } from '../sla/sweep/sla-sweep';
import { CaseTransitionsService } from './case-transitions.service';

/** The case core's side of the deadline sweep: a decision left unanswered lapses, the case closes. */
@Injectable()
export class DecisionLapse implements AnswerLapseHandler, OnModuleInit {
  constructor(
    private readonly sweep: SlaSweep,
    private readonly transitions: CaseTransitionsService,
  ) {}

  onModuleInit(): void {
    this.sweep.handleLapsesWith(this);
  }

  async lapse(manager: EntityManager, lapsed: LapsedAnswer): Promise<boolean> {
    try {
      await this.transitions.apply(
        {
          caseId: lapsed.caseId,
          command: 'lapse_decision',
          actor: { ...SYSTEM_ACTOR, name: 'Deadline sweep' },
          reason: 'The customer did not answer the decision within the time allowed',
          details: { deadlineId: lapsed.deadlineId, dueAt: lapsed.dueAt.toISOString() },
        },
        manager,
      );
      return true;
    } catch (error) {
      // The customer answered (or the case closed otherwise) just before: nothing to lapse.
      if (error instanceof DomainError) return false;
      throw error;
    }
  }
}
