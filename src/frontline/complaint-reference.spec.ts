import {
  COMPLAINT_REFERENCE_PATTERN,
  formatComplaintReference,
  isComplaintReference,
} from './complaint-reference';

describe('complaint references', () => {
  it('pads the sequence number to six digits', () => {
    expect(formatComplaintReference(1)).toBe('CMP-000001');
    expect(formatComplaintReference(123)).toBe('CMP-000123');
    expect(formatComplaintReference(999_999)).toBe('CMP-999999');
  });

  it('grows beyond six digits instead of truncating', () => {
    expect(formatComplaintReference(1_000_000)).toBe('CMP-1000000');
    expect(formatComplaintReference(12_345_678_901)).toBe('CMP-12345678901');
  });

  it('refuses numbers a sequence never yields', () => {
    for (const n of [0, -1, 1.5, Number.NaN, 2 ** 53]) {
      expect(() => formatComplaintReference(n)).toThrow(RangeError);
    }
  });

  it('recognises every reference it formats and the pattern the database checks', () => {
    for (const n of [1, 42, 999_999, 1_000_000]) {
      const reference = formatComplaintReference(n);
      expect(isComplaintReference(reference)).toBe(true);
      expect(COMPLAINT_REFERENCE_PATTERN.test(reference)).toBe(true);
    }
  });

  it('rejects anything else', () => {
    for (const value of [
      'CMP-12345',
      'cmp-000001',
      'CMP-00000A',
      ' CMP-000001',
      'OMB-2026-000001',
    ]) {
      expect(isComplaintReference(value)).toBe(false);
    }
  });
});
