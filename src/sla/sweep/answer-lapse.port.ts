import { EntityManager } from 'typeorm';

/** A decision's answer deadline that passed without an answer, as the sweep found it. */
export interface LapsedAnswer {
  readonly caseId: string;
  readonly deadlineId: string;
  readonly dueAt: Date;
}

/**
 * What happens to a case whose customer let the answer to a decision lapse. Deadlines sit below the
 * case core and may not import it: the core implements this port and registers it with the sweep
 * at start-up (src/cases/decision-lapse.ts). True when the case lapsed, false when it had already
 * moved on (the customer answered, or it closed otherwise, just before).
 */
export interface AnswerLapseHandler {
  lapse(manager: EntityManager, lapsed: LapsedAnswer): Promise<boolean>;
}
