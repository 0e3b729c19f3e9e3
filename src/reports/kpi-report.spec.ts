import { buildKpiReport, KpiAggregates, KpiPolicy } from './kpi-report';

/**
 * A hand-made period: 20 cases received, 18 closed. Every expected figure below was worked out
 * by hand from these numbers; the comments show the arithmetic.
 */
const AGGREGATES: KpiAggregates = {
  from: new Date('2025-01-01T00:00:00Z'),
  to: new Date('2026-01-01T00:00:00Z'),
  receivedByStatus: { submitted: 2, investigation: 3, closed: 15 },
  receivedByCategory: { billing: 9, delivery: 6, service: 4, contract: 1 },
  closedByOutcome: {
    settled: 4,
    upheld: 3,
    partially_upheld: 1,
    not_upheld: 4,
    withdrawn: 2,
    litigation: 1,
    rejected: 3,
  },
  rejectedByReason: { out_of_time: 2, already_in_court: 1 },
  closedAfterAcceptance: 12,
  closedWithinOutcomeDays: 9,
  // Nine cases took one day (24 h) and nine took ten days (240 h).
  hoursToOutcome: [
    { value: 24, count: 9 },
    { value: 240, count: 9 },
  ],
  acknowledgedInTime: 17,
  acknowledgementsDue: 20,
  ratings: [
    { value: 5, count: 3 },
    { value: 4, count: 1 },
    { value: 1, count: 1 },
  ],
  remedies: {
    awarded: [{ type: 'refund', currency: 'EUR', count: 2, amountMinor: 30000 }],
    paid: [{ type: 'refund', currency: 'EUR', count: 1, amountMinor: 10000 }],
    paidByCurrency: [{ currency: 'EUR', cases: 1, amountMinor: 10000 }],
    overdue: 2,
    correctiveOpen: 1,
    correctiveImplemented: 2,
    casesWithRemedies: 8,
    casesComplied: 6,
  },
  suggestionsOpen: 3,
  suggestionsImplemented: 1,
};

const POLICY: KpiPolicy = {
  acknowledge: { amount: 3, unit: 'business_days' },
  outcome: { amount: 60, unit: 'calendar_days' },
};

describe('buildKpiReport', () => {
  const report = buildKpiReport(AGGREGATES, POLICY);

  it('counts received cases by status with every status present, and closed ones by outcome', () => {
    expect(report.period).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
    });
    // 2 + 3 + 15 = 20 received; 4 + 3 + 1 + 4 + 2 + 1 + 3 = 18 closed.
    expect(report.casesReceived).toBe(20);
    expect(report.casesClosed).toBe(18);
    expect(report.byStatus).toEqual({
      submitted: 2,
      referred_to_frontline: 0,
      rejected: 0,
      accepted: 0,
      investigation: 3,
      mediation: 0,
      settled: 0,
      decision_issued: 0,
      fulfilment: 0,
      closed: 15,
    });
    expect(report.byOutcome).toEqual({
      resolved_by_frontline: 0,
      rejected: 3,
      withdrawn: 2,
      litigation: 1,
      settled: 4,
      upheld: 3,
      partially_upheld: 1,
      not_upheld: 4,
      not_accepted: 0,
      lapsed: 0,
    });
  });

  it('measures acknowledgement against the policy in force and the 90 % target', () => {
    // 17 of 20 = 85 %, under the 90 % target.
    expect(report.acknowledgement).toEqual({
      days: 3,
      unit: 'business_days',
      targetPercent: 90,
      measured: 20,
      inTime: 17,
      inTimePercent: 85,
      targetMet: false,
    });
  });

  it('interpolates the median between buckets and gives p90 and the mean in days', () => {
    // 18 observations, 9 × 24 h then 9 × 240 h. Median at 0.5 × 17 = 8.5: halfway between the
    // 9th (24 h) and the 10th (240 h) = 132 h = 5.5 days. p90 at 0.9 × 17 = 15.3: both
    // neighbours 240 h = 10 days. Mean (9 × 24 + 9 × 240) / 18 = 132 h = 5.5 days.
    expect(report.daysToOutcome).toEqual({ measured: 18, median: 5.5, p90: 10, average: 5.5 });
  });

  it('measures closure within the outcome policy in force', () => {
    // 9 of 12 = 75 %.
    expect(report.closedWithinOutcomeDays).toEqual({
      days: 60,
      unit: 'calendar_days',
      measured: 12,
      within: 9,
      percent: 75,
    });
  });

  it('gives the uphold rate among decisions and the mediation and litigation shares of closures', () => {
    // (3 upheld + 1 partially) / (3 + 1 + 4 not upheld) = 4 / 8 = 50 %.
    expect(report.upholdRatePercent).toBe(50);
    // 4 / 18 = 22.22 → 22.2 %; 1 / 18 = 5.56 → 5.6 %.
    expect(report.settledByMediationPercent).toBe(22.2);
    expect(report.litigationPercent).toBe(5.6);
  });

  it('lists refusals by every reason code', () => {
    expect(report.refused).toEqual({
      count: 3,
      byReason: {
        out_of_time: 2,
        already_in_court: 1,
        not_a_customer: 0,
        outside_remit: 0,
        frivolous_or_vexatious: 0,
        other: 0,
      },
    });
  });

  it('reports compensation, overdue remedies, satisfaction and corrective actions', () => {
    expect(report.compensation).toEqual({
      awarded: AGGREGATES.remedies.awarded,
      paid: AGGREGATES.remedies.paid,
    });
    expect(report.overdueRemedies).toBe(2);
    // (3 × 5 + 4 + 1) / 5 = 20 / 5 = 4.
    expect(report.satisfaction).toEqual({
      responses: 5,
      average: 4,
      distribution: { 1: 1, 2: 0, 3: 0, 4: 1, 5: 3 },
    });
    // Open 1 remedy + 3 suggestions = 4; implemented 2 + 1 = 3.
    expect(report.correctiveActions).toEqual({
      open: 4,
      implemented: 3,
      fromRemedies: { open: 1, implemented: 2 },
      fromSuggestions: { open: 3, implemented: 1 },
    });
  });

  it('ranks the top categories with their share of received cases', () => {
    // 9 / 20 = 45 %, 6 / 20 = 30 %, 4 / 20 = 20 %, 1 / 20 = 5 %.
    expect(report.topCategories).toEqual([
      { category: 'billing', count: 9, percent: 45 },
      { category: 'delivery', count: 6, percent: 30 },
      { category: 'service', count: 4, percent: 20 },
      { category: 'contract', count: 1, percent: 5 },
    ]);
  });

  it('answers null shares, not zero, for an empty period', () => {
    const empty = buildKpiReport(
      {
        ...AGGREGATES,
        receivedByStatus: {},
        receivedByCategory: {},
        closedByOutcome: {},
        rejectedByReason: {},
        closedAfterAcceptance: 0,
        closedWithinOutcomeDays: 0,
        hoursToOutcome: [],
        acknowledgedInTime: 0,
        acknowledgementsDue: 0,
        ratings: [],
      },
      POLICY,
    );
    expect(empty.casesReceived).toBe(0);
    expect(empty.acknowledgement.inTimePercent).toBeNull();
    expect(empty.acknowledgement.targetMet).toBeNull();
    expect(empty.daysToOutcome).toEqual({ measured: 0, median: null, p90: null, average: null });
    expect(empty.closedWithinOutcomeDays.percent).toBeNull();
    expect(empty.upholdRatePercent).toBeNull();
    expect(empty.satisfaction.average).toBeNull();
    expect(empty.topCategories).toEqual([]);
  });
});
