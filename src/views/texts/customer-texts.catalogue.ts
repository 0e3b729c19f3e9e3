import type { CaseOutcome, CaseStatus } from '../../cases/case-lifecycle';

/**
 * The shape every language's catalogue fills in. Translators work in customer-texts.<lang>.ts; the
 * compiler tells them when a status, outcome or event is missing.
 */

/** Statuses whose next step names a deadline; `rejected` has none (and `closed` has its own table). */
export type DatedStatus = Exclude<CaseStatus, 'closed' | 'rejected'>;

/**
 * A sentence with `{date}` for when the deadline is known, and one without, since a deadline is
 * not always set yet. Both must read naturally on their own.
 */
export interface DatedText {
  readonly withDate: string;
  readonly withoutDate: string;
}

export interface CaseText<NextStep> {
  /** Where the case is. */
  readonly status: string;
  /** What happens next, who acts and by when. */
  readonly nextStep: NextStep;
}

export const TIMELINE_EVENTS = [
  'case.submitted',
  'case.status_changed',
  'message.customer',
  'message.to_customer',
  'information_request.customer',
  'proposal.made',
  'decision.issued',
  'proposal.answered',
  'proposal.expired',
  'decision.revised',
  'remedy.fulfilled',
  'sla.paused',
  'sla.resumed',
  'document.added',
  'document.shared',
  'document.withdrawn',
  'customer.notified',
] as const;
export type TimelineEvent = (typeof TIMELINE_EVENTS)[number];

/** The facts of a refusal at intake for being out of time, dates already written for the reader. */
export interface OutOfTimeWords {
  readonly complaintReference: string;
  readonly finalResponseDate: string;
  /** The last day a dispute about this final response could reach the ombudsman. */
  readonly lastDay: string;
  readonly filedDate: string;
  readonly timeLimitMonths: number;
}

export interface ReferralWords {
  readonly complaintReference: string;
  /** When the front line's final response is due; absent if no deadline is known. */
  readonly dueDate?: string;
}

/**
 * Why intake decided as it did, in words for this customer. Functions rather than templates,
 * because languages count months differently (1 month, 6 months; 1 месяца, 6 месяцев).
 */
export interface EligibilityTexts {
  readonly outOfTime: (words: OutOfTimeWords) => string;
  /** The customer named no front-line complaint; the service opened one. */
  readonly noFrontlineComplaint: (words: ReferralWords) => string;
  /** The named complaint has no final response and its deadline has not passed. */
  readonly frontlineDeadlineRunning: (words: ReferralWords) => string;
}

export interface CustomerTextCatalogue {
  readonly eligibility: EligibilityTexts;
  /** Every status on the way to closing, `rejected` aside. */
  readonly active: { readonly [S in DatedStatus]: CaseText<DatedText> };
  readonly rejected: CaseText<string>;
  readonly closed: { readonly [O in CaseOutcome]: CaseText<string> };
  /** A closed case whose outcome was not recorded; should not happen, but must still read well. */
  readonly closedWithoutOutcome: CaseText<string>;
  readonly timeline: { readonly [E in TimelineEvent]: string } & { readonly other: string };
  /** Who handles the case, when no name of the officer is known: never their internal id. */
  readonly unnamedHandler: string;
}
