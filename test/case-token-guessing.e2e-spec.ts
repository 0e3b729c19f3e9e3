import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseTokenFailuresPurgeJob } from '../src/cases/access/case-token-failures.purge.job';
import { fileCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

interface Operation {
  readonly security?: Record<string, unknown>[];
}

/** Every route the committed OpenAPI document opens with the case access token. */
function caseTokenRoutes(reference: string): { method: 'get' | 'post'; path: string }[] {
  const document = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, Operation>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, op]) => op.security?.some((s) => 'caseToken' in s))
      .map(([method]) => ({
        method: method as 'get' | 'post',
        path: path.replace('{reference}', reference).replace(/\{[^}]+\}/g, () => randomUUID()),
      })),
  );
}

const WRONG = 'Bearer wrong-token-0000000000000000000000000000000';

describe('guessing case access tokens', () => {
  describe('under the public rate limit', () => {
    const LIMIT = 3;
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), CASE_TOKEN_FAILURES_PER_HOUR: '1000' },
      });
    });
    afterAll(() => t.close());

    it('counts wrong tokens against the address on every customer route', async () => {
      const { reference } = await fileCase(t);
      const routes = caseTokenRoutes(reference);
      expect(routes.length).toBeGreaterThanOrEqual(10);
      for (const { method, path } of routes) {
        await t.dataSource.query('DELETE FROM rate_limit_bucket');
        const statuses: (number | string)[] = [];
        for (let i = 0; i <= LIMIT; i += 1) {
          const req = t.http()[method](path).set('authorization', WRONG);
          const res = await (method === 'post' ? req.send({}) : req);
          statuses.push(res.status === 429 ? `429 ${res.body.code}` : res.status);
        }
        expect({ method, path, statuses }).toEqual({
          method,
          path,
          statuses: [404, 404, 404, '429 RATE_LIMITED'],
        });
      }
    });

    it('counts each request once on routes limited by their controller too', async () => {
      await t.dataSource.query('DELETE FROM rate_limit_bucket');
      const filed = await fileCase(t);
      await t.dataSource.query('DELETE FROM rate_limit_bucket');
      const res = await t
        .http()
        .get(`/v1/escalations/${filed.reference}`)
        .set('authorization', `Bearer ${filed.accessToken}`)
        .expect(200);
      expect(res.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1));
    });
  });

  describe('per case', () => {
    const FAILURES = 3;
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      const env = { CASE_TOKEN_FAILURES_PER_HOUR: String(FAILURES) };
      a = await startTestApp({ env });
      // A second instance on the same database, as behind a load balancer.
      b = await startTestApp({ env, databaseUrl: a.databaseUrl });
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
    });

    const read = (t: TestApp, reference: string, authorization = WRONG) =>
      t.http().get(`/v1/escalations/${reference}`).set('authorization', authorization);

    it('answers 429 with Retry-After to wrong tokens past the limit, while the right token still opens the case', async () => {
      const filed = await fileCase(a);
      for (let i = 0; i < FAILURES; i += 1) await read(a, filed.reference).expect(404);
      const limited = await read(a, filed.reference).expect(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.body).toMatchObject({ status: 429, code: 'CASE_TOKEN_GUESSES_LIMITED' });
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      await read(a, filed.reference, `Bearer ${filed.accessToken}`).expect(200);
      await a
        .http()
        .post(`/v1/escalations/${filed.reference}/messages`)
        .set('authorization', `Bearer ${filed.accessToken}`)
        .send({ body: 'Still here.' })
        .expect(201);
      await read(a, filed.reference).expect(429);
    });

    it('keeps one count per case across instances sharing the database', async () => {
      const filed = await fileCase(a);
      const other = await fileCase(a);
      await read(a, filed.reference).expect(404);
      await read(b, filed.reference).expect(404);
      await read(a, filed.reference).expect(404);
      await read(b, filed.reference).expect(429);
      await read(a, other.reference).expect(404);
    });

    it('limits a reference that names no case the same way, so the limit reveals nothing', async () => {
      const nobody = 'OMB-2020-999999';
      for (let i = 0; i < FAILURES; i += 1) await read(a, nobody).expect(404);
      await read(a, nobody).expect(429);
    });

    it('purges counts whose hour is over', async () => {
      const filed = await fileCase(a);
      await read(a, filed.reference).expect(404);
      await a.dataSource.query(
        `UPDATE case_token_failure SET window_start = now() - interval '2 hours',
           expires_at = now() - interval '1 hour'`,
      );
      await a.app.get(CaseTokenFailuresPurgeJob).purge();
      expect(await a.dataSource.query('SELECT key FROM case_token_failure')).toEqual([]);
    });
  });
});
