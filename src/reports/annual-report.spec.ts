import { buildAnnualReport } from './annual-report';
import { KpiAggregates } from './kpi-report';

/**
 * A hand-made year: 20 disputes received, 18 closed (6 refused, 2 withdrawn, 1 to court).
 * Every expected figure below was worked out by hand; the comments show the arithmetic.
 */
const YEAR: KpiAggregates = {
  from: new Date('2025-01-01T00:00:00Z'),
  to: new Date('2026-01-01T00:00:00Z'),
  receivedByStatus: { investigation: 4, closed: 16 },
  receivedByCategory: { billing: 7, delivery: 5, service: 3, contract: 2, privacy: 2, other: 1 },
  closedByOutcome: {
    rejected: 6,
    withdrawn: 2,
    litigation: 1,
    settled: 3,
    upheld: 2,
    partially_upheld: 1,
    not_upheld: 3,
  },
  rejectedByReason: { out_of_time: 3, outside_remit: 2, other: 1 },
  closedAfterAcceptance: 12,
  closedWithinOutcomeDays: 10,
  // One closure after 2 days (48 h), sixteen after 10 days (240 h), one after 40 days (960 h).
  hoursToOutcome: [
    { value: 48, count: 1 },
    { value: 240, count: 16 },
    { value: 960, count: 1 },
  ],
  acknowledgedInTime: 20,
  acknowledgementsDue: 20,
  ratings: [
    { value: 4, count: 2 },
    { value: 3, count: 1 },
  ],
  remedies: {
    awarded: [],
    paid: [],
    paidByCurrency: [],
    overdue: 0,
    correctiveOpen: 2,
    correctiveImplemented: 1,
    casesWithRemedies: 6,
    casesComplied: 5,
  },
  suggestionsOpen: 1,
  suggestionsImplemented: 3,
};

describe('buildAnnualReport', () => {
  const report = buildAnnualReport(2025, YEAR);

  it('counts disputes received and closed, and their types by share', () => {
    expect(report).toMatchObject({ year: 2025, disputesReceived: 20, disputesClosed: 18 });
    // 7/20 = 35 %, 5/20 = 25 %, 3/20 = 15 %, 2/20 = 10 % (ties by name), 1/20 = 5 %.
    expect(report.disputeTypes).toEqual([
      { category: 'billing', count: 7, percent: 35 },
      { category: 'delivery', count: 5, percent: 25 },
      { category: 'service', count: 3, percent: 15 },
      { category: 'contract', count: 2, percent: 10 },
      { category: 'privacy', count: 2, percent: 10 },
      { category: 'other', count: 1, percent: 5 },
    ]);
    // The five most frequent.
    expect(report.recurringProblems.map((p) => p.category)).toEqual([
      'billing',
      'delivery',
      'service',
      'contract',
      'privacy',
    ]);
  });

  it('gives the share refused and why, by every reason code', () => {
    // 6 of 18 closed = 33.3 %; of the 6: 3 out of time = 50 %, 2 outside remit = 33.3 %,
    // 1 other = 16.7 %.
    expect(report.refused).toEqual({
      count: 6,
      percent: 33.3,
      reasons: [
        { code: 'out_of_time', count: 3, percent: 50 },
        { code: 'already_in_court', count: 0, percent: 0 },
        { code: 'not_a_customer', count: 0, percent: 0 },
        { code: 'outside_remit', count: 2, percent: 33.3 },
        { code: 'frivolous_or_vexatious', count: 0, percent: 0 },
        { code: 'other', count: 1, percent: 16.7 },
      ],
    });
  });

  it('gives the share discontinued, the duration and the uphold rate', () => {
    // Withdrawn 2 + court 1 = 3 of 18 = 16.7 %.
    expect(report.discontinued).toEqual({
      count: 3,
      percent: 16.7,
      withdrawnByCustomer: 2,
      wentToCourt: 1,
    });
    // Mean (48 + 16 × 240 + 960) / 18 = 4848 / 18 = 269.33 h = 11.2 days; median 240 h = 10.
    expect(report.duration).toEqual({ averageDays: 11.2, medianDays: 10 });
    // (2 + 1) / (2 + 1 + 3) = 50 %.
    expect(report.upholdRatePercent).toBe(50);
    expect(report.outcomes).toMatchObject({ rejected: 6, not_accepted: 0, lapsed: 0 });
  });

  it('gives compliance with outcomes, corrective actions and satisfaction', () => {
    // 5 of 6 cases with remedies owed complied with = 83.3 %.
    expect(report.compliance).toEqual({
      casesWithRemediesOwed: 6,
      casesComplied: 5,
      percent: 83.3,
    });
    // Implemented 1 remedy + 3 suggestions; open 2 + 1.
    expect(report.correctiveActions).toEqual({ implemented: 4, open: 3 });
    // (2 × 4 + 3) / 3 = 3.67.
    expect(report.satisfaction).toEqual({ responses: 3, averageRating: 3.67 });
  });

  it('answers null shares for a year with nothing refused or closed', () => {
    const empty = buildAnnualReport(2024, {
      ...YEAR,
      closedByOutcome: {},
      rejectedByReason: {},
      hoursToOutcome: [],
    });
    expect(empty.refused.percent).toBeNull();
    expect(empty.refused.reasons.every((r) => r.count === 0 && r.percent === null)).toBe(true);
    expect(empty.duration).toEqual({ averageDays: null, medianDays: null });
  });
});
