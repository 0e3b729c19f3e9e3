import { wholeMonthsWithin, wholeYearsWithin } from './kpi-maintained-sql';

const at = (text: string) => new Date(text);

describe('the grains a period is read in', () => {
  it('takes the whole months inside a period and leaves the days around them', () => {
    expect(wholeMonthsWithin(at('2024-03-15T10:00:00Z'), at('2024-07-02T00:00:00Z'))).toEqual({
      from: at('2024-04-01T00:00:00Z'),
      to: at('2024-07-01T00:00:00Z'),
    });
    expect(wholeMonthsWithin(at('2024-03-01T00:00:00Z'), at('2024-04-01T00:00:00Z'))).toEqual({
      from: at('2024-03-01T00:00:00Z'),
      to: at('2024-04-01T00:00:00Z'),
    });
  });

  it('finds no whole month in a period shorter than one', () => {
    expect(wholeMonthsWithin(at('2024-03-02T00:00:00Z'), at('2024-04-20T00:00:00Z'))).toBeNull();
  });

  it('takes the whole years inside whole months and leaves the months around them', () => {
    expect(wholeYearsWithin(at('2016-12-01T00:00:00Z'), at('2026-12-01T00:00:00Z'))).toEqual({
      from: at('2017-01-01T00:00:00Z'),
      to: at('2026-01-01T00:00:00Z'),
    });
    expect(wholeYearsWithin(at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'))).toEqual({
      from: at('2024-01-01T00:00:00Z'),
      to: at('2025-01-01T00:00:00Z'),
    });
  });

  it('reads every month from the months when no whole year lies inside', () => {
    const to = at('2025-06-01T00:00:00Z');
    expect(wholeYearsWithin(at('2024-02-01T00:00:00Z'), to)).toEqual({ from: to, to });
    expect(wholeYearsWithin(at('2024-01-01T00:00:00Z'), at('2024-12-01T00:00:00Z'))).toEqual({
      from: at('2024-12-01T00:00:00Z'),
      to: at('2024-12-01T00:00:00Z'),
    });
  });
});
