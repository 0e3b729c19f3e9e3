import {
  average,
  hoursToDays,
  median,
  percent,
  percentile,
  publicFigure,
  ratingDistribution,
  roundTo,
  suppressGroup,
  topCounts,
} from './kpi-formulas';

const values = (...xs: number[]) => xs.map((value) => ({ value, count: 1 }));

describe('KPI formulas', () => {
  describe('median and percentiles', () => {
    it('takes the middle value of an odd number of observations', () => {
      expect(median(values(7, 1, 3))).toBe(3);
    });

    it('averages the two middle values of an even number of observations', () => {
      // 1, 3, 7, 9 → (3 + 7) / 2
      expect(median(values(9, 1, 7, 3))).toBe(5);
    });

    it('interpolates the 90th percentile as percentile_cont does', () => {
      // 1..10: position 0.9 × 9 = 8.1 → 9 + 0.1 × (10 − 9) = 9.1
      expect(percentile(values(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.9)).toBeCloseTo(9.1, 10);
    });

    it('reads repeated observations from bucket counts', () => {
      // 24 ×3, 48 ×1, 240 ×1 → sorted 24 24 24 48 240: median 24, p90 at 3.6 → 48 + 0.6 × 192
      const buckets = [
        { value: 240, count: 1 },
        { value: 24, count: 3 },
        { value: 48, count: 1 },
      ];
      expect(median(buckets)).toBe(24);
      expect(percentile(buckets, 0.9)).toBeCloseTo(163.2, 10);
    });

    it('has no median without observations, and ignores empty buckets', () => {
      expect(median([])).toBeNull();
      expect(median([{ value: 5, count: 0 }])).toBeNull();
      expect(median([{ value: 99, count: 0 }, ...values(4)])).toBe(4);
    });

    it('refuses a quantile outside 0 to 1', () => {
      expect(() => percentile(values(1), 1.5)).toThrow(RangeError);
    });
  });

  describe('shares and rounding', () => {
    it('gives shares in percent with one decimal', () => {
      expect(percent(1, 3)).toBe(33.3);
      expect(percent(2, 3)).toBe(66.7);
      expect(percent(9, 10)).toBe(90);
    });

    it('rounds halves away from zero, float noise notwithstanding', () => {
      expect(percent(1, 16)).toBe(6.3); // 6.25
      expect(roundTo(2.675, 2)).toBe(2.68);
      expect(roundTo(1.005, 2)).toBe(1.01);
      expect(roundTo(-2.5, 0)).toBe(-3);
    });

    it('has no share of nothing', () => {
      expect(percent(0, 0)).toBeNull();
    });

    it('turns whole hours into days with one decimal', () => {
      expect(hoursToDays(36)).toBe(1.5);
      expect(hoursToDays(100)).toBe(4.2); // 4.1666…
      expect(hoursToDays(null)).toBeNull();
    });
  });

  describe('satisfaction', () => {
    it('averages ratings to two decimals', () => {
      // 5, 5, 4, 2 → 16 / 4 = 4; 5, 4, 4 → 13 / 3 = 4.333…
      expect(average(values(5, 5, 4, 2))).toBe(4);
      expect(average(values(5, 4, 4))).toBe(4.33);
      expect(average([])).toBeNull();
    });

    it('lists every rating from 1 to 5, zeros included', () => {
      expect(
        ratingDistribution([
          { value: 5, count: 2 },
          { value: 2, count: 1 },
        ]),
      ).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0, 5: 2 });
    });
  });

  describe('rankings and suppression', () => {
    it('ranks the largest counts first, ties by name, with their share', () => {
      expect(topCounts({ delivery: 2, billing: 5, service: 2, privacy: 0 }, 2, 10)).toEqual([
        { key: 'billing', count: 5, percent: 50 },
        { key: 'delivery', count: 2, percent: 20 },
      ]);
    });

    it('suppresses a public figure built from fewer than five cases', () => {
      expect(publicFigure(75, 4)).toEqual({ value: null, suppressed: true });
      expect(publicFigure(80, 5)).toEqual({ value: 80, suppressed: false });
      expect(publicFigure(0, 0)).toEqual({ value: null, suppressed: true });
    });
  });
});

describe('suppressGroup', () => {
  const hidden = { value: null, suppressed: true };
  const shown = (value: number) => ({ value, suppressed: false });

  it('publishes a group whose cells all reach the minimum', () => {
    expect(suppressGroup({ a: 5, b: 9 }, 14)).toEqual({
      cells: { a: shown(5), b: shown(9) },
      total: shown(14),
    });
  });

  it('hides the next smallest cell when one small cell could be recovered from the total', () => {
    expect(suppressGroup({ a: 2, b: 7, c: 6, d: 0 }, 15)).toEqual({
      cells: { a: hidden, b: shown(7), c: hidden, d: hidden },
      total: shown(15),
    });
  });

  it('hides the total when no other cell is published', () => {
    // 3 of 9 in the one cell; the other 6 are outside the breakdown.
    expect(suppressGroup({ a: 3, b: 0 }, 9)).toEqual({
      cells: { a: hidden, b: hidden },
      total: hidden,
    });
  });

  it('adds nothing when two small cells share what is hidden', () => {
    expect(suppressGroup({ a: 2, b: 3, c: 8 }, 13)).toEqual({
      cells: { a: hidden, b: hidden, c: shown(8) },
      total: shown(13),
    });
  });
});
