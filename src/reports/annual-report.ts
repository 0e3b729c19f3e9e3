import { CASE_OUTCOMES } from '../cases/case-lifecycle';
import { average, hoursToDays, percent, percentile, sumOf, topCounts } from './kpi-formulas';
import { REJECTION_CODES } from '../cases/triage/rejection-code';
import { DECISION_OUTCOMES, KpiAggregates, UPHELD_OUTCOMES } from './kpi-report';

const totalOf = (counts: Readonly<Record<string, number>>) =>
  Object.values(counts).reduce((s, n) => s + n, 0);

const RECURRING_PROBLEMS = 5;

/**
 * The yearly activity report an ADR body publishes (EU ADR directive, art. 7(2)): disputes
 * received and their types, refusals and why, discontinued ones, duration, compliance with
 * outcomes, recurring problems. Shares of outcomes are of the disputes closed in the year.
 */
export function buildAnnualReport(year: number, a: KpiAggregates) {
  const received = totalOf(a.receivedByStatus);
  const closed = totalOf(a.closedByOutcome);
  const refused = a.closedByOutcome.rejected ?? 0;
  const withdrawn = a.closedByOutcome.withdrawn ?? 0;
  const litigation = a.closedByOutcome.litigation ?? 0;
  const decided = sumOf(a.closedByOutcome, DECISION_OUTCOMES);
  return {
    year,
    disputesReceived: received,
    disputesClosed: closed,
    disputeTypes: topCounts(a.receivedByCategory, Number.MAX_SAFE_INTEGER, received).map((r) => ({
      category: r.key,
      count: r.count,
      percent: r.percent,
    })),
    refused: {
      count: refused,
      percent: percent(refused, closed),
      reasons: REJECTION_CODES.map((code) => ({
        code,
        count: a.rejectedByReason[code] ?? 0,
        percent: percent(a.rejectedByReason[code] ?? 0, refused),
      })),
    },
    discontinued: {
      count: withdrawn + litigation,
      percent: percent(withdrawn + litigation, closed),
      withdrawnByCustomer: withdrawn,
      wentToCourt: litigation,
    },
    duration: {
      averageDays: hoursToDays(average(a.hoursToOutcome)),
      medianDays: hoursToDays(percentile(a.hoursToOutcome, 0.5)),
    },
    outcomes: Object.fromEntries(CASE_OUTCOMES.map((o) => [o, a.closedByOutcome[o] ?? 0])),
    upholdRatePercent: percent(sumOf(a.closedByOutcome, UPHELD_OUTCOMES), decided),
    compliance: {
      casesWithRemediesOwed: a.remedies.casesWithRemedies,
      casesComplied: a.remedies.casesComplied,
      percent: percent(a.remedies.casesComplied, a.remedies.casesWithRemedies),
    },
    recurringProblems: topCounts(a.receivedByCategory, RECURRING_PROBLEMS, received).map((r) => ({
      category: r.key,
      count: r.count,
      percent: r.percent,
    })),
    correctiveActions: {
      implemented: a.remedies.correctiveImplemented + a.suggestionsImplemented,
      open: a.remedies.correctiveOpen + a.suggestionsOpen,
    },
    satisfaction: {
      responses: a.ratings.reduce((s, b) => s + b.count, 0),
      averageRating: average(a.ratings),
    },
  };
}

export type AnnualReport = ReturnType<typeof buildAnnualReport>;
