import { DeadlineKind } from './deadline.entity';

export interface DeadlineEffects {
  /** Open deadlines of these kinds are met by the change. */
  readonly meet: readonly DeadlineKind[];
  /** The case is over: whatever it still owed is cancelled, so no sweep flags it any more. */
  readonly cancelRest: boolean;
}

const OUTCOME_REACHED: readonly string[] = ['settled', 'decision_issued', 'closed'];

/**
 * What a status change does to a case's deadlines (DESIGN §4): an outcome (settlement, decision
 * or closure) meets the outcome deadline; leaving `decision_issued` means the customer answered
 * the decision, or the answer time lapsed; closure ends every clock.
 */
export function deadlineEffects(from: string, to: string): DeadlineEffects {
  const meet: DeadlineKind[] = [];
  if (OUTCOME_REACHED.includes(to)) meet.push('outcome');
  if (from === 'decision_issued' && to !== 'decision_issued') meet.push('decision_answer');
  return { meet, cancelRest: to === 'closed' };
}
