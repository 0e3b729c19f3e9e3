import fc from 'fast-check';
import { nextAttemptAt, retryDelayMs } from './retry-policy';

const POLICY = { maxAttempts: 5, baseMs: 1_000, maxMs: 60_000 };

describe('webhook retry policy', () => {
  it('doubles the ceiling after each failure, up to the maximum', () => {
    const justUnderOne = () => 0.999999;
    expect(retryDelayMs(POLICY, 1, justUnderOne)).toBe(999);
    expect(retryDelayMs(POLICY, 2, justUnderOne)).toBe(1_999);
    expect(retryDelayMs(POLICY, 4, justUnderOne)).toBe(7_999);
    expect(retryDelayMs(POLICY, 20, justUnderOne)).toBe(59_999);
  });

  it('draws every delay between zero and the ceiling (full jitter)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (n, r) => {
          const delay = retryDelayMs(POLICY, n, () => r);
          const ceiling = Math.min(POLICY.maxMs, POLICY.baseMs * 2 ** (n - 1));
          return Number.isInteger(delay) && delay >= 0 && delay < ceiling;
        },
      ),
    );
  });

  it('gives up once the attempts are used', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(nextAttemptAt(POLICY, 4, now, () => 0.5)).toEqual(new Date('2026-11-23T10:00:04Z'));
    expect(nextAttemptAt(POLICY, 5, now)).toBeNull();
  });
});
