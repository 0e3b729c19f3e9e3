import { CASE_OUTCOMES } from '../cases/case-lifecycle';
import {
  average,
  hoursToDays,
  percent,
  percentile,
  PUBLIC_MINIMUM_CASES,
  publicFigure,
  sumOf,
} from './kpi-formulas';
import { DECISION_OUTCOMES, KpiAggregates, UPHELD_OUTCOMES } from './kpi-report';

const totalOf = (counts: Readonly<Record<string, number>>) =>
  Object.values(counts).reduce((s, n) => s + n, 0);

/**
 * The office's published performance for a year: numbers and codes only, never a name or a
 * text, and every figure built from fewer than PUBLIC_MINIMUM_CASES cases suppressed.
 */
export function buildPublicStatistics(year: number, a: KpiAggregates) {
  const received = totalOf(a.receivedByStatus);
  const closed = totalOf(a.closedByOutcome);
  const decided = sumOf(a.closedByOutcome, DECISION_OUTCOMES);
  const responses = a.ratings.reduce((s, b) => s + b.count, 0);
  const implemented = a.remedies.correctiveImplemented + a.suggestionsImplemented;
  return {
    year,
    minimumCases: PUBLIC_MINIMUM_CASES,
    volumes: {
      received: publicFigure(received, received),
      closed: publicFigure(closed, closed),
    },
    timeliness: {
      acknowledgedInTimePercent: publicFigure(
        percent(a.acknowledgedInTime, a.acknowledgementsDue),
        a.acknowledgementsDue,
      ),
      medianDaysToOutcome: publicFigure(hoursToDays(percentile(a.hoursToOutcome, 0.5)), closed),
      closedWithinOutcomeDaysPercent: publicFigure(
        percent(a.closedWithinOutcomeDays, a.closedAfterAcceptance),
        a.closedAfterAcceptance,
      ),
    },
    outcomes: Object.fromEntries(
      CASE_OUTCOMES.map((o) => [
        o,
        publicFigure(a.closedByOutcome[o] ?? 0, a.closedByOutcome[o] ?? 0),
      ]),
    ),
    upholdRatePercent: publicFigure(
      percent(sumOf(a.closedByOutcome, UPHELD_OUTCOMES), decided),
      decided,
    ),
    settledByMediationPercent: publicFigure(
      percent(a.closedByOutcome.settled ?? 0, closed),
      closed,
    ),
    litigationPercent: publicFigure(percent(a.closedByOutcome.litigation ?? 0, closed), closed),
    compensationPaid: a.remedies.paidByCurrency.map((line) => ({
      currency: line.currency,
      amountMinor: publicFigure(line.amountMinor, line.cases),
      cases: publicFigure(line.cases, line.cases),
    })),
    satisfaction: {
      responses: publicFigure(responses, responses),
      averageRating: publicFigure(average(a.ratings), responses),
    },
    correctiveActionsImplemented: publicFigure(implemented, implemented),
  };
}

export type PublicStatistics = ReturnType<typeof buildPublicStatistics>;
