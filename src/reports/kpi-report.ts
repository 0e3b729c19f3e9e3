import { CASE_OUTCOMES, CASE_STATUSES } from '../cases/case-lifecycle';
import { REJECTION_CODES } from '../cases/triage/rejection-code';
import {
  Bucket,
  hoursToDays,
  percent,
  percentile,
  average,
  ratingDistribution,
  sumOf,
  topCounts,
} from './kpi-formulas';

/** What SQL hands over for a period: counts, sums and histograms, never a case. */
export interface KpiAggregates {
  readonly from: Date;
  readonly to: Date;
  /** Cases received in the period, by current status and by category. */
  readonly receivedByStatus: Readonly<Record<string, number>>;
  readonly receivedByCategory: Readonly<Record<string, number>>;
  /** Cases closed in the period, by outcome. */
  readonly closedByOutcome: Readonly<Record<string, number>>;
  /** Of the cases closed in the period with a complete file (accepted): how many, how many in time. */
  readonly closedAfterAcceptance: number;
  /** The cases closed as rejected in the period, by rejection code (out_of_time, other, ...). */
  readonly rejectedByReason: Readonly<Record<string, number>>;
  readonly closedWithinOutcomeDays: number;
  /** Hours from receipt to closure of the cases closed in the period. */
  readonly hoursToOutcome: readonly Bucket[];
  /** Acknowledgement deadlines of cases received in the period: met in time, and met or past due. */
  readonly acknowledgedInTime: number;
  readonly acknowledgementsDue: number;
  readonly ratings: readonly Bucket[];
  readonly remedies: RemedyAggregates;
  readonly suggestionsOpen: number;
  readonly suggestionsImplemented: number;
}

export interface MoneyLine {
  readonly type: string;
  readonly currency: string;
  readonly count: number;
  readonly amountMinor: number;
}

export interface RemedyAggregates {
  readonly awarded: readonly MoneyLine[];
  readonly paid: readonly MoneyLine[];
  /** Paid in the period per currency, with the number of cases it was paid on. */
  readonly paidByCurrency: readonly { currency: string; cases: number; amountMinor: number }[];
  readonly overdue: number;
  readonly correctiveOpen: number;
  readonly correctiveImplemented: number;
  /** Cases with remedies owed from an outcome of the period, and those whose remedies are all done. */
  readonly casesWithRemedies: number;
  readonly casesComplied: number;
}

/** How long a deadline of one kind runs under the policy in force (`GET /v1/admin/sla/policies`). */
export interface PolicyTerm {
  readonly amount: number;
  readonly unit: 'business_days' | 'calendar_days';
}

/** The policies in force the report measures against: acknowledgement and outcome. */
export interface KpiPolicy {
  readonly acknowledge: PolicyTerm;
  readonly outcome: PolicyTerm;
}

export const ACKNOWLEDGEMENT_TARGET_PERCENT = 90;
export const UPHELD_OUTCOMES = ['upheld', 'partially_upheld'] as const;
export const DECISION_OUTCOMES = ['upheld', 'partially_upheld', 'not_upheld'] as const;
const TOP_CATEGORIES = 10;

export function complete(keys: readonly string[], counts: Readonly<Record<string, number>>) {
  return Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0])) as Record<string, number>;
}

const totalOf = (counts: Readonly<Record<string, number>>) =>
  Object.values(counts).reduce((s, n) => s + n, 0);

/** Every KPI figure of a period, from its aggregates. */
export function buildKpiReport(a: KpiAggregates, policy: KpiPolicy) {
  const received = totalOf(a.receivedByStatus);
  const closed = totalOf(a.closedByOutcome);
  const decided = sumOf(a.closedByOutcome, DECISION_OUTCOMES);
  const inTime = percent(a.acknowledgedInTime, a.acknowledgementsDue);
  const ratings = a.ratings.reduce((s, b) => s + b.count, 0);
  return {
    period: { from: a.from.toISOString(), to: a.to.toISOString() },
    casesReceived: received,
    byStatus: complete(CASE_STATUSES, a.receivedByStatus),
    casesClosed: closed,
    byOutcome: complete(CASE_OUTCOMES, a.closedByOutcome),
    acknowledgement: {
      days: policy.acknowledge.amount,
      unit: policy.acknowledge.unit,
      targetPercent: ACKNOWLEDGEMENT_TARGET_PERCENT,
      measured: a.acknowledgementsDue,
      inTime: a.acknowledgedInTime,
      inTimePercent: inTime,
      targetMet: inTime === null ? null : inTime >= ACKNOWLEDGEMENT_TARGET_PERCENT,
    },
    daysToOutcome: {
      measured: closed,
      median: hoursToDays(percentile(a.hoursToOutcome, 0.5)),
      p90: hoursToDays(percentile(a.hoursToOutcome, 0.9)),
      average: hoursToDays(average(a.hoursToOutcome)),
    },
    closedWithinOutcomeDays: {
      days: policy.outcome.amount,
      unit: policy.outcome.unit,
      measured: a.closedAfterAcceptance,
      within: a.closedWithinOutcomeDays,
      percent: percent(a.closedWithinOutcomeDays, a.closedAfterAcceptance),
    },
    refused: {
      count: a.closedByOutcome.rejected ?? 0,
      byReason: complete(REJECTION_CODES, a.rejectedByReason),
    },
    upholdRatePercent: percent(sumOf(a.closedByOutcome, UPHELD_OUTCOMES), decided),
    settledByMediationPercent: percent(a.closedByOutcome.settled ?? 0, closed),
    litigationPercent: percent(a.closedByOutcome.litigation ?? 0, closed),
    compensation: {
      awarded: [...a.remedies.awarded],
      paid: [...a.remedies.paid],
    },
    overdueRemedies: a.remedies.overdue,
    satisfaction: {
      responses: ratings,
      average: average(a.ratings),
      distribution: ratingDistribution(a.ratings),
    },
    topCategories: topCounts(a.receivedByCategory, TOP_CATEGORIES, received).map((r) => ({
      category: r.key,
      count: r.count,
      percent: r.percent,
    })),
    correctiveActions: {
      open: a.remedies.correctiveOpen + a.suggestionsOpen,
      implemented: a.remedies.correctiveImplemented + a.suggestionsImplemented,
      fromRemedies: {
        open: a.remedies.correctiveOpen,
        implemented: a.remedies.correctiveImplemented,
      },
      fromSuggestions: { open: a.suggestionsOpen, implemented: a.suggestionsImplemented },
    },
  };
}

export type KpiReport = ReturnType<typeof buildKpiReport>;
