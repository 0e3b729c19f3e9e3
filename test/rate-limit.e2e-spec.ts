import { RateLimitPurgeJob } from '../src/rate-limit/rate-limit-purge.job';
import { RateLimitProbeModule } from './support/rate-limit-probe.module';
import { startTestApp, TestApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;
const LIMIT = 3;

describe('the public rate limit', () => {
  let a: TestApp;
  let b: TestApp;
  let proxied: TestApp;

  beforeAll(async () => {
    const env = { RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    a = await startTestApp({ extraModules: [RateLimitProbeModule], env });
    // A second instance on the same database, as behind a load balancer.
    b = await startTestApp({
      extraModules: [RateLimitProbeModule],
      env,
      databaseUrl: a.databaseUrl,
    });
    proxied = await startTestApp({
      extraModules: [RateLimitProbeModule],
      env: { ...env, TRUST_PROXY: 'true' },
    });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), proxied?.close()]);
  });
  beforeEach(async () => {
    // Every request of these tests comes from 127.0.0.1: each test starts with a fresh count.
    await a.dataSource.query('DELETE FROM rate_limit_bucket');
    await proxied.dataSource.query('DELETE FROM rate_limit_bucket');
  });

  const hit = (app: TestApp, path = '/probe/rate/limited', forwardedFor?: string) => {
    const req = app.http().get(path);
    if (forwardedFor) void req.set('x-forwarded-for', forwardedFor);
    return req;
  };

  it('answers the request over the limit with 429 problem+json and Retry-After', async () => {
    for (let i = 0; i < LIMIT; i += 1) {
      const ok = await hit(a).expect(200);
      expect(ok.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1 - i));
    }
    const res = await hit(a).expect(429);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(res.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('shares one count between two instances on one database', async () => {
    await hit(a).expect(200);
    await hit(b).expect(200);
    await hit(a).expect(200);
    await hit(b).expect(429);
    await hit(a).expect(429);
  });

  it('shares one count per address across every limited route', async () => {
    await hit(a, '/probe/rate/limited').expect(200);
    await hit(a, '/probe/rate-class').expect(200);
    await hit(a, '/probe/rate/limited').expect(200);
    const res = await hit(a, '/probe/rate-class').expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
    for (let i = 0; i < LIMIT; i += 1) await hit(a, undefined, '203.0.113.1').expect(200);
    await hit(a, undefined, '203.0.113.2').expect(429);
  });

  it('counts each X-Forwarded-For address apart when TRUST_PROXY is set', async () => {
    for (let i = 0; i < LIMIT; i += 1) await hit(proxied, undefined, '203.0.113.1').expect(200);
    await hit(proxied, undefined, '203.0.113.1').expect(429);
    await hit(proxied, undefined, '203.0.113.2').expect(200);
  });

  it('does not limit routes without @PublicRateLimit()', async () => {
    for (let i = 0; i < LIMIT * 3; i += 1) {
      await a.http().get('/health/live').expect(200);
      await hit(a, '/probe/rate/unlimited').expect(200);
    }
    await hit(a).expect(200);
  });

  it('purges closed windows', async () => {
    await hit(a).expect(200);
    await a.dataSource.query(
      `UPDATE rate_limit_bucket SET window_start = now() - interval '2 minutes',
         expires_at = now() - interval '1 minute'`,
    );
    await a.app.get(RateLimitPurgeJob).purge();
    expect(await a.dataSource.query('SELECT key FROM rate_limit_bucket')).toEqual([]);
  });
});
