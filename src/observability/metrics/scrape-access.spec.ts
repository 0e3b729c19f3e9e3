import { assertMayScrape, isLoopback } from './scrape-access';

const TOKEN = 'm'.repeat(40);

describe('who may scrape the metrics', () => {
  it('without a token: a caller on this machine, not one forwarded by a proxy', () => {
    expect(() => assertMayScrape(undefined, '127.0.0.1', {})).not.toThrow();
    expect(() => assertMayScrape(undefined, '::1', {})).not.toThrow();
    expect(() => assertMayScrape(undefined, '::ffff:127.0.0.1', {})).not.toThrow();
    expect(() => assertMayScrape(undefined, '10.0.0.7', {})).toThrow(/this machine only/);
    expect(() =>
      assertMayScrape(undefined, '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }),
    ).toThrow(/this machine only/);
  });

  it('with a token: whoever sends it, from anywhere, and nobody else', () => {
    expect(() =>
      assertMayScrape(TOKEN, '203.0.113.9', { authorization: `Bearer ${TOKEN}` }),
    ).not.toThrow();
    expect(() => assertMayScrape(TOKEN, '127.0.0.1', {})).toThrow(/bearer token/);
    expect(() =>
      assertMayScrape(TOKEN, '127.0.0.1', { authorization: `Bearer ${TOKEN}x` }),
    ).toThrow(/bearer token/);
  });

  it('knows loopback addresses', () => {
    expect(isLoopback('127.8.9.10')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });
});
