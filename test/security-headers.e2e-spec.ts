import { createHash } from 'node:crypto';
import { fileCase, filingBody } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

const CSP = 'content-security-policy';

function directives(policy: string | undefined): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

describe('security headers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives /docs a Content-Security-Policy with what Swagger UI needs and no more', async () => {
    const res = await t.http().get('/docs/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const policy = directives(res.headers[CSP]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers[CSP]).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });

  it('gives the annual report as HTML a policy that allows its own style only', async () => {
    const res = await t
      .http()
      .get('/v1/admin/reports/annual?year=2026')
      .set('authorization', `Bearer ${t.token('auditor')}`)
      .set('accept', 'text/html')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.text)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    const policy = directives(res.headers[CSP]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('style-src')).toEqual([`'sha256-${hash}'`]);
    expect(policy.has('script-src')).toBe(false);
  });

  it('gives every other answer a policy that loads nothing', async () => {
    const res = await t.http().get('/health/live').expect(200);
    expect(directives(res.headers[CSP]).get('default-src')).toEqual(["'none'"]);
  });

  it('marks every answer to a staff token no-store, refusals included', async () => {
    const auth = { authorization: `Bearer ${t.token('ombudsman')}` };
    const list = await t.http().get('/v1/admin/cases').set(auth).expect(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const missing = await t.http().get('/v1/admin/cases/OMB-2026-999999').set(auth).expect(404);
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('marks the filing answer, which carries the access token, no-store, replays included', async () => {
    const send = () =>
      t.http().post('/v1/escalations').set('idempotency-key', 'csp-1').send(filingBody());
    const first = await send().expect(201);
    expect(first.headers['cache-control']).toBe('no-store');
    const replay = await send().expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers['cache-control']).toBe('no-store');
  });

  it('marks every answer to a case token no-store', async () => {
    const filed = await fileCase(t);
    const res = await t
      .http()
      .get(`/v1/escalations/${filed.reference}`)
      .set('authorization', `Bearer ${filed.accessToken}`)
      .expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
