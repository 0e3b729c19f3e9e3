import { CaseEntity } from '../../cases/case.entity';
import { CaseStatus } from '../../cases/case-lifecycle';
import { DeadlineKind } from '../../sla/deadline.entity';
import { DeadlineView } from '../../sla/deadlines.service';
import { nextStep, statusText } from '../texts/customer-texts';

/** The deadline the customer is waiting on in each status. */
const CURRENT_DEADLINE: Partial<Record<CaseStatus, DeadlineKind>> = {
  submitted: 'acknowledge',
  referred_to_frontline: 'frontline_response',
  accepted: 'outcome',
  investigation: 'outcome',
  mediation: 'outcome',
  decision_issued: 'decision_answer',
  settled: 'remedy_payment',
  fulfilment: 'remedy_payment',
};

export interface CustomerTexts {
  readonly statusText: string;
  readonly nextStep: string;
}

/** Texts for the case in its language, with the date of the step it is waiting on. */
export function textsFor(
  c: Pick<CaseEntity, 'status' | 'outcome' | 'language'>,
  deadlines: DeadlineView[],
): CustomerTexts {
  const kind = CURRENT_DEADLINE[c.status];
  const current = deadlines.find((d) => d.kind === kind && d.metAt === null);
  const due = current ? new Date(current.dueAt) : undefined;
  return {
    statusText: statusText(c.language, c.status, c.outcome),
    nextStep: nextStep(c.language, c.status, c.outcome, { dueAt: due, frontlineDueAt: due }),
  };
}
