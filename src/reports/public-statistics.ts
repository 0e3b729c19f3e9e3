import { CASE_OUTCOMES } from '../cases/case-lifecycle';
import {
  average,
  hoursToDays,
  percent,
  percentile,
  PUBLIC_MINIMUM_CASES,
  PublicFigure,
  publicFigure,
  sumOf,
  suppressGroup,
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
  const outcomeCounts = Object.fromEntries(
    CASE_OUTCOMES.map((o) => [o, a.closedByOutcome[o] ?? 0]),
  ) as Record<(typeof CASE_OUTCOMES)[number], number>;
  const byOutcome = suppressGroup(outcomeCounts, closed);
  // A share of the closed cases gives its outcome's count back (share × closed): it is hidden
  // whenever a cell it is built from is hidden with cases in it.
  const revealsHidden = (...outcomes: (keyof typeof outcomeCounts)[]) =>
    outcomes.some((o) => byOutcome.cells[o].suppressed && outcomeCounts[o] > 0);
  const shareOf = (figure: PublicFigure, ...outcomes: (keyof typeof outcomeCounts)[]) =>
    revealsHidden(...outcomes) || byOutcome.total.suppressed
      ? { value: null, suppressed: true }
      : figure;
  return {
    year,
    minimumCases: PUBLIC_MINIMUM_CASES,
    volumes: {
      received: publicFigure(received, received),
      closed: byOutcome.total,
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
    outcomes: byOutcome.cells,
    upholdRatePercent: shareOf(
      publicFigure(percent(sumOf(a.closedByOutcome, UPHELD_OUTCOMES), decided), decided),
      ...DECISION_OUTCOMES,
    ),
    settledByMediationPercent: shareOf(
      publicFigure(percent(outcomeCounts.settled, closed), closed),
      'settled',
    ),
    litigationPercent: shareOf(
      publicFigure(percent(outcomeCounts.litigation, closed), closed),
      'litigation',
    ),
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
