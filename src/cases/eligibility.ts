/**
 * Eligibility on intake, where the facts are known (docs/architecture.md, "The case lifecycle"): the front line goes first; a
 * dispute brought too long after the front line's final response is out of time.
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

export type EligibilityReason =
  | 'no_frontline_complaint'
  | 'frontline_deadline_running'
  | 'frontline_deadline_passed'
  | 'frontline_final_response_given'
  | 'out_of_time';

export interface Eligibility {
  readonly status: 'referred_to_frontline' | 'rejected' | 'submitted';
  readonly reason: EligibilityReason;
}

export function assessEligibility(facts: EligibilityFacts): Eligibility {
  const { complaint, now } = facts;
  if (!complaint) return { status: 'referred_to_frontline', reason: 'no_frontline_complaint' };
  if (!complaint.finalResponseAt) {
    return complaint.responseDueAt > now
      ? { status: 'referred_to_frontline', reason: 'frontline_deadline_running' }
      : { status: 'submitted', reason: 'frontline_deadline_passed' };
  }
  const limit = addMonths(complaint.finalResponseAt, facts.timeLimitMonths);
  return limit < now
    ? { status: 'rejected', reason: 'out_of_time' }
    : { status: 'submitted', reason: 'frontline_final_response_given' };
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
