import { investigatedCase, staff } from './support/cases';
import { startTestApp, TestApp } from './support/test-app';

/** Every admin write, with a body that would be valid for it. */
const WRITES: [string, object][] = [
  ['triage', { decision: 'accept', reason: 'x' }],
  ['assign', { officerId: 'agent-7' }],
  ['conflicts', { reason: 'x' }],
  ['notes', { body: 'x' }],
  ['messages', { to: 'customer', body: 'x' }],
  ['information-requests', { party: 'customer', question: 'x' }],
  ['litigation', { party: 'customer' }],
  ['close', { outcome: 'rejected', reason: 'x' }],
];

describe('who may not touch a case', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  let reference: string;
  let accessToken: string;
  beforeAll(async () => {
    t = await startTestApp();
    as = staff(t);
    ({ reference, accessToken } = await investigatedCase(t));
  });
  afterAll(() => t.close());

  const versionOf = async () =>
    (
      await t.dataSource.query('SELECT version FROM ombudsman_case WHERE reference = $1', [
        reference,
      ])
    )[0].version;

  it.each(WRITES)(
    'refuses a front-line agent on %s with 403 and changes nothing',
    async (action, body) => {
      const before = await versionOf();
      await t
        .http()
        .post(`/v1/admin/cases/${reference}/${action}`)
        .set('authorization', as.agent)
        .send(body)
        .expect(403);
      expect(await versionOf()).toBe(before);
    },
  );

  it.each(WRITES)('refuses an integration on %s with 403', async (action, body) => {
    await t
      .http()
      .post(`/v1/admin/cases/${reference}/${action}`)
      .set('authorization', as.integration)
      .send(body)
      .expect(403);
  });

  it.each(WRITES)('refuses an auditor on %s with 403', async (action, body) => {
    await t
      .http()
      .post(`/v1/admin/cases/${reference}/${action}`)
      .set('authorization', as.auditor)
      .send(body)
      .expect(403);
  });

  it.each(WRITES)('refuses the customer’s case token on %s with 401', async (action, body) => {
    await t
      .http()
      .post(`/v1/admin/cases/${reference}/${action}`)
      .set('authorization', `Bearer ${accessToken}`)
      .send(body)
      .expect(401);
  });

  it.each(WRITES)('answers %s on an unknown case with 404', async (action, body) => {
    await t
      .http()
      .post(`/v1/admin/cases/OMB-2026-999999/${action}`)
      .set('authorization', as.ombudsman)
      .send(body)
      .expect(404);
  });

  it.each(['status', 'assign', 'notes', 'decision', 'triage'])(
    'gives the company no route to change a case: POST /v1/frontline/cases/{reference}/%s does not exist',
    async (action) => {
      const res = await t
        .http()
        .post(`/v1/frontline/cases/${reference}/${action}`)
        .set('authorization', as.agent)
        .send({ status: 'closed' });
      expect([404, 405]).toContain(res.status);
      expect(await versionOf()).toBeGreaterThan(0);
    },
  );

  it('gives the company no way to change a case through its read route', async () => {
    const before = await versionOf();
    for (const method of ['put', 'patch', 'delete'] as const) {
      const agent = t.http();
      const res = await agent[method](`/v1/frontline/cases/${reference}`)
        .set('authorization', as.agent)
        .send({ status: 'closed' });
      expect(res.status).toBe(405);
    }
    expect(await versionOf()).toBe(before);
  });

  it.each(['ombudsman_officer', 'ombudsman', 'auditor'] as const)(
    'refuses %s on the company view with 403',
    async (role) => {
      await t
        .http()
        .get(`/v1/frontline/cases/${reference}`)
        .set('authorization', `Bearer ${t.token(role)}`)
        .expect(403);
    },
  );

  it('answers 404 on the company view of an unknown case', async () => {
    await t
      .http()
      .get('/v1/frontline/cases/OMB-2026-999999')
      .set('authorization', as.agent)
      .expect(404);
  });

  it.each(['timeline', 'audit'])(
    'lets an auditor read the %s but not a front-line agent',
    async (what) => {
      await t
        .http()
        .get(`/v1/admin/cases/${reference}/${what}`)
        .set('authorization', as.auditor)
        .expect(200);
      await t
        .http()
        .get(`/v1/admin/cases/${reference}/${what}`)
        .set('authorization', as.agent)
        .expect(403);
    },
  );
});
