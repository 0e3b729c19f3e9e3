import { PolicyDefaults } from '../config/app-config';
import { addBusinessDays, addCalendarDays, BusinessCalendar } from './business-calendar';
import { DeadlineKind } from './deadline.entity';

export const DEADLINE_KINDS = [
  'acknowledge',
  'frontline_response',
  'outcome',
  'decision_answer',
  'remedy_payment',
  'information_request',
] as const satisfies readonly DeadlineKind[];

export const POLICY_UNITS = ['business_days', 'calendar_days'] as const;
export type PolicyUnit = (typeof POLICY_UNITS)[number];

/** How long one kind of deadline runs, and in which calendar business days count. */
export interface SlaPolicy {
  readonly kind: DeadlineKind;
  readonly amount: number;
  readonly unit: PolicyUnit;
  /** null: the default calendar. */
  readonly calendarId: string | null;
}

/** The deadline policies as configured at start-up, used for every kind nobody changed. */
export function defaultPolicies(defaults: PolicyDefaults): Record<DeadlineKind, SlaPolicy> {
  const policy = (kind: DeadlineKind, amount: number, unit: PolicyUnit): SlaPolicy => ({
    kind,
    amount,
    unit,
    calendarId: null,
  });
  return {
    acknowledge: policy('acknowledge', defaults.acknowledgeBusinessDays, 'business_days'),
    frontline_response: policy(
      'frontline_response',
      defaults.frontlineResponseBusinessDays,
      'business_days',
    ),
    outcome: policy('outcome', defaults.outcomeCalendarDays, 'calendar_days'),
    decision_answer: policy('decision_answer', defaults.decisionAnswerDays, 'calendar_days'),
    remedy_payment: policy('remedy_payment', defaults.remedyPaymentDays, 'calendar_days'),
    information_request: policy(
      'information_request',
      defaults.informationRequestDays,
      'calendar_days',
    ),
  };
}

/** When a deadline of this policy, started at `start`, falls due. */
export function dueUnder(
  policy: Pick<SlaPolicy, 'amount' | 'unit'>,
  calendar: BusinessCalendar,
  start: Date,
): Date {
  return policy.unit === 'business_days'
    ? addBusinessDays(start, policy.amount, calendar)
    : addCalendarDays(start, policy.amount);
}
