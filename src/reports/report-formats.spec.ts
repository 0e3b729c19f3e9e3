import { escapeHtml, flatten, toCsv } from './report-formats';
import { parsePeriod } from './report-period';

describe('report formats', () => {
  it('flattens a report into metric paths, naming array members by their text fields', () => {
    expect(
      flatten({
        total: 3,
        byStatus: { open: 1, closed: 2 },
        paid: [{ type: 'refund', currency: 'EUR', amountMinor: 500 }],
        median: null,
      }),
    ).toEqual([
      ['total', 3],
      ['byStatus.open', 1],
      ['byStatus.closed', 2],
      ['paid[refund/EUR].amountMinor', 500],
      ['median', null],
    ]);
  });

  it('writes CSV with a header, CRLF lines, quoting and no live formulas', () => {
    expect(toCsv({ a: 1, 'b,c': '=SUM(A1)', d: null })).toBe(
      'metric,value\r\na,1\r\n"b,c",\'=SUM(A1)\r\nd,\r\n',
    );
  });

  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});

describe('report periods', () => {
  const now = new Date('2026-11-23T10:00:00Z');

  it('defaults to the current calendar year', () => {
    expect(parsePeriod(undefined, undefined, now)).toEqual({
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
    });
  });

  it('counts a date-only end as the whole day, a date-time end as exclusive', () => {
    expect(parsePeriod('2025-01-01', '2025-12-31', now).to).toEqual(
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(parsePeriod('2025-01-01', '2025-06-30T12:00:00Z', now).to).toEqual(
      new Date('2025-06-30T12:00:00Z'),
    );
  });

  it('refuses an end before the start', () => {
    expect(() => parsePeriod('2025-06-01', '2025-01-01', now)).toThrow('to must be after from');
  });
});
