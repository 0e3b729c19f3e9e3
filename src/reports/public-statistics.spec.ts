import { KpiAggregates } from './kpi-report';
import { buildPublicStatistics } from './public-statistics';

const HIDDEN = { value: null, suppressed: true };
const shown = (value: number) => ({ value, suppressed: false });

/**
 * A hand-made year with every figure built from five cases or more: 30 received, 28 closed
 * (10 settled, 6 upheld, 5 partially upheld, 7 not upheld). Expected figures worked out by hand.
 */
const YEAR: KpiAggregates = {
  from: new Date('2025-01-01T00:00:00Z'),
  to: new Date('2026-01-01T00:00:00Z'),
  receivedByStatus: { investigation: 2, closed: 28 },
  receivedByCategory: { billing: 30 },
  closedByOutcome: { settled: 10, upheld: 6, partially_upheld: 5, not_upheld: 7 },
  rejectedByReason: {},
  closedAfterAcceptance: 28,
  closedWithinOutcomeDays: 21,
  hoursToOutcome: [
    { value: 480, count: 14 },
    { value: 960, count: 14 },
  ],
  acknowledgedInTime: 27,
  acknowledgementsDue: 30,
  ratings: [
    { value: 5, count: 4 },
    { value: 3, count: 2 },
  ],
  remedies: {
    awarded: [],
    paid: [],
    paidByCurrency: [
      { currency: 'EUR', cases: 5, amountMinor: 150000 },
      { currency: 'GBP', cases: 1, amountMinor: 777 },
    ],
    overdue: 0,
    correctiveOpen: 0,
    correctiveImplemented: 3,
    casesWithRemedies: 0,
    casesComplied: 0,
  },
  suggestionsOpen: 0,
  suggestionsImplemented: 2,
};

describe('buildPublicStatistics', () => {
  it('publishes every figure built from at least five cases', () => {
    const stats = buildPublicStatistics(2025, YEAR);
    expect(stats.volumes).toEqual({ received: shown(30), closed: shown(28) });
    // 27/30 = 90 %; median of 14 × 20 days and 14 × 40 days = 30 days; 21/28 = 75 %.
    expect(stats.timeliness).toEqual({
      acknowledgedInTimePercent: shown(90),
      medianDaysToOutcome: shown(30),
      closedWithinOutcomeDaysPercent: shown(75),
    });
    expect(stats.outcomes).toMatchObject({
      settled: shown(10),
      upheld: shown(6),
      partially_upheld: shown(5),
      not_upheld: shown(7),
    });
    // (6 + 5) / 18 = 61.1 %; 10 / 28 = 35.7 %; 0 / 28 = 0 %.
    expect(stats.upholdRatePercent).toEqual(shown(61.1));
    expect(stats.settledByMediationPercent).toEqual(shown(35.7));
    expect(stats.litigationPercent).toEqual(shown(0));
    // (4 × 5 + 2 × 3) / 6 = 4.33.
    expect(stats.satisfaction).toEqual({ responses: shown(6), averageRating: shown(4.33) });
    // 3 remedies + 2 suggestions = 5 corrective actions: enough to publish.
    expect(stats.correctiveActionsImplemented).toEqual(shown(5));
  });

  it('suppresses counts under five, money paid on fewer than five cases, and outcomes nobody had', () => {
    const stats = buildPublicStatistics(2025, {
      ...YEAR,
      ratings: [{ value: 5, count: 4 }],
      acknowledgementsDue: 4,
      acknowledgedInTime: 4,
      remedies: { ...YEAR.remedies, correctiveImplemented: 2 },
    });
    expect(stats.outcomes.lapsed).toEqual(HIDDEN);
    expect(stats.compensationPaid).toEqual([
      { currency: 'EUR', amountMinor: shown(150000), cases: shown(5) },
      { currency: 'GBP', amountMinor: HIDDEN, cases: HIDDEN },
    ]);
    expect(stats.satisfaction).toEqual({ responses: HIDDEN, averageRating: HIDDEN });
    expect(stats.timeliness.acknowledgedInTimePercent).toEqual(HIDDEN);
    // 2 + 2 = 4 corrective actions.
    expect(stats.correctiveActionsImplemented).toEqual(HIDDEN);
  });

  it('hides the next smallest outcome when one small outcome could be recovered by subtraction', () => {
    // 8 closed: 6 settled and 2 withdrawn. Showing settled would give 8 − 6 = 2 withdrawn back,
    // and the mediation share 75 % × 8 = 6 would too.
    const stats = buildPublicStatistics(2025, {
      ...YEAR,
      receivedByStatus: { closed: 8 },
      closedByOutcome: { settled: 6, withdrawn: 2 },
    });
    expect(stats.volumes.closed).toEqual(shown(8));
    expect(stats.outcomes.withdrawn).toEqual(HIDDEN);
    expect(stats.outcomes.settled).toEqual(HIDDEN);
    expect(stats.settledByMediationPercent).toEqual(HIDDEN);
  });

  it('hides only the smallest published outcome, keeping the larger ones', () => {
    // 3 lapsed alone among small outcomes: the next smallest published, 5 partially upheld, goes.
    const stats = buildPublicStatistics(2025, {
      ...YEAR,
      closedByOutcome: { ...YEAR.closedByOutcome, lapsed: 3 },
    });
    expect(stats.volumes.closed).toEqual(shown(31));
    expect(stats.outcomes).toMatchObject({
      lapsed: HIDDEN,
      partially_upheld: HIDDEN,
      upheld: shown(6),
      not_upheld: shown(7),
      settled: shown(10),
    });
    // The uphold rate would give the hidden partially upheld count back: 11/18 − 6.
    expect(stats.upholdRatePercent).toEqual(HIDDEN);
    expect(stats.settledByMediationPercent).toEqual(shown(32.3));
  });

  it('needs no second suppression when two small outcomes hide each other', () => {
    // 3 withdrawn and 2 to court: 5 hidden between two cells, neither recoverable alone.
    const stats = buildPublicStatistics(2025, {
      ...YEAR,
      closedByOutcome: { ...YEAR.closedByOutcome, withdrawn: 3, litigation: 2 },
    });
    expect(stats.outcomes).toMatchObject({
      withdrawn: HIDDEN,
      litigation: HIDDEN,
      partially_upheld: shown(5),
    });
    expect(stats.litigationPercent).toEqual(HIDDEN);
    expect(stats.upholdRatePercent).toEqual(shown(61.1));
  });
});
