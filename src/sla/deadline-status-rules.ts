import { DeadlineKind } from './deadline.entity';

export interface DeadlineEffects {
  /** Open deadlines of these kinds are met by the change, late ones too: a late outcome is still the outcome. */
  readonly meet: readonly DeadlineKind[];
  /**
   * Open deadlines of these kinds are met by the change only while not yet found breached: once
   * the sweep found the customer's answer time over, the decision lapsed, and the closure that
   * follows answers nothing.
   */
  readonly meetUnlessBreached: readonly DeadlineKind[];
  /** The case is over: whatever it still owed is cancelled, so no sweep flags it any more. */
  readonly cancelRest: boolean;
}

const OUTCOME_REACHED: readonly string[] = ['settled', 'decision_issued', 'closed'];

/**
 * What a status change does to a case's deadlines: an outcome (settlement, decision
 * or closure) meets the outcome deadline; leaving `decision_issued` means the customer answered
 * the decision, unless its answer time was already breached (the lapse); closure ends every clock.
 */
export function deadlineEffects(from: string, to: string): DeadlineEffects {
  const meet: DeadlineKind[] = [];
  const meetUnlessBreached: DeadlineKind[] = [];
  if (OUTCOME_REACHED.includes(to)) meet.push('outcome');
  if (from === 'decision_issued' && to !== 'decision_issued') {
    meetUnlessBreached.push('decision_answer');
  }
  return { meet, meetUnlessBreached, cancelRest: to === 'closed' };
}
