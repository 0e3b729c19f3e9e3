import { FILING_OUTCOMES, FilingReason, InitialStatus } from './case-lifecycle';

/**
 * Eligibility on intake, where the facts are known (docs/architecture.md, "The case lifecycle"):
 * the front line goes first; a dispute brought too long after the front line's final response is
 * out of time. Which status each reason leads to is the lifecycle table's (`FILING_OUTCOMES`).
 */
export interface EligibilityFacts {
  /** The linked front-line complaint, or null when the customer named none. */
  readonly complaint: {
    readonly responseDueAt: Date;
    readonly finalResponseAt: Date | null;
  } | null;
  readonly now: Date;
  readonly timeLimitMonths: number;
}

export type EligibilityReason = FilingReason;

export interface Eligibility {
  readonly status: InitialStatus;
  readonly reason: EligibilityReason;
}

export function assessEligibility(facts: EligibilityFacts): Eligibility {
  const reason = eligibilityReason(facts);
  return { status: FILING_OUTCOMES[reason], reason };
}

function eligibilityReason({ complaint, now, timeLimitMonths }: EligibilityFacts): FilingReason {
  if (!complaint) return 'no_frontline_complaint';
  if (!complaint.finalResponseAt) {
    return complaint.responseDueAt > now
      ? 'frontline_deadline_running'
      : 'frontline_deadline_passed';
  }
  const limit = addMonths(complaint.finalResponseAt, timeLimitMonths);
  return limit < now ? 'out_of_time' : 'frontline_final_response_given';
}

/** Calendar months, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
  ).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
