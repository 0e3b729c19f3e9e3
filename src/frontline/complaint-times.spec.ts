import { CLOCK_SKEW_MS, receivedAtRefusal, respondedAtRefusal } from './complaint-times';

const NOW = new Date('2026-05-01T12:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('times a front-line system gives us', () => {
  it('accepts a receipt time from 2000 up to a little clock skew ahead', () => {
    expect(receivedAtRefusal(new Date('2000-01-01T00:00:00Z'), NOW)).toBeNull();
    expect(receivedAtRefusal(new Date('2025-06-01T08:00:00Z'), NOW)).toBeNull();
    expect(receivedAtRefusal(later(CLOCK_SKEW_MS), NOW)).toBeNull();
  });

  it('refuses a receipt time in the future or before 2000', () => {
    expect(receivedAtRefusal(later(CLOCK_SKEW_MS + 1), NOW)).toMatch(/future/);
    expect(receivedAtRefusal(new Date('1999-12-31T23:59:59.999Z'), NOW)).toMatch(/2000/);
  });

  it('accepts a response time between receipt and now, and nothing outside', () => {
    const received = new Date('2025-01-10T09:00:00Z');
    expect(respondedAtRefusal(received, received, NOW)).toBeNull();
    expect(respondedAtRefusal(new Date('2025-02-01T00:00:00Z'), received, NOW)).toBeNull();
    expect(respondedAtRefusal(new Date(received.getTime() - 1), received, NOW)).toMatch(/before/);
    expect(respondedAtRefusal(later(CLOCK_SKEW_MS + 1), received, NOW)).toMatch(/future/);
  });
});
