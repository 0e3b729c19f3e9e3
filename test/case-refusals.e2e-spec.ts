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

  /**
   * Everything a refused write could have left behind: notes, messages and conflicts do not bump
   * the version, so the rows they would add are counted too.
   */
  const footprint = async () =>
    (
      await t.dataSource.query(
        `SELECT c.version, c.status, c.assigned_officer_id AS "assignee",
                (SELECT count(*)::int FROM case_timeline_entry WHERE case_id = c.id) AS "timeline",
                (SELECT count(*)::int FROM information_request WHERE case_id = c.id) AS "requests",
                (SELECT count(*)::int FROM case_conflict_declaration WHERE case_id = c.id) AS "conflicts",
                (SELECT count(*)::int FROM information_request WHERE case_id = c.id AND answered_at IS NOT NULL) AS "answered",
                (SELECT count(*)::int FROM outbox_event WHERE aggregate_id = c.reference) AS "events"
           FROM ombudsman_case c WHERE c.reference = $1`,
        [reference],
      )
    )[0] as Record<string, unknown>;

  it.each(WRITES)(
    'refuses a front-line agent on %s with 403 and changes nothing',
    async (action, body) => {
      const before = await footprint();
      await t
        .http()
        .post(`/v1/admin/cases/${reference}/${action}`)
        .set('authorization', as.agent)
        .send(body)
        .expect(403);
      expect(await footprint()).toEqual(before);
    },
  );

  it.each(WRITES)('refuses an integration on %s with 403', async (action, body) => {
    const before = await footprint();
    await t
      .http()
      .post(`/v1/admin/cases/${reference}/${action}`)
      .set('authorization', as.integration)
      .send(body)
      .expect(403);
    expect(await footprint()).toEqual(before);
  });

  it.each(WRITES)('refuses an auditor on %s with 403', async (action, body) => {
    const before = await footprint();
    await t
      .http()
      .post(`/v1/admin/cases/${reference}/${action}`)
      .set('authorization', as.auditor)
      .send(body)
      .expect(403);
    expect(await footprint()).toEqual(before);
  });

  it.each(WRITES)('refuses the customer’s case token on %s with 401', async (action, body) => {
    const before = await footprint();
    await t
      .http()
      .post(`/v1/admin/cases/${reference}/${action}`)
      .set('authorization', `Bearer ${accessToken}`)
      .send(body)
      .expect(401);
    expect(await footprint()).toEqual(before);
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
      const before = await footprint();
      const res = await t
        .http()
        .post(`/v1/frontline/cases/${reference}/${action}`)
        .set('authorization', as.agent)
        .send({ status: 'closed' });
      expect([404, 405]).toContain(res.status);
      expect(await footprint()).toEqual(before);
    },
  );

  it('gives the company no way to change a case through its read route', async () => {
    const before = await footprint();
    for (const method of ['put', 'patch', 'delete'] as const) {
      const agent = t.http();
      const res = await agent[method](`/v1/frontline/cases/${reference}`)
        .set('authorization', as.agent)
        .send({ status: 'closed' });
      expect(res.status).toBe(405);
    }
    expect(await footprint()).toEqual(before);
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

  describe('the company’s responses', () => {
    const respond = (ref: string, who: string, body: object) =>
      t.http().post(`/v1/frontline/cases/${ref}/responses`).set('authorization', who).send(body);
    const ask = async (ref: string, party: 'customer' | 'company') =>
      (
        await t
          .http()
          .post(`/v1/admin/cases/${ref}/information-requests`)
          .set('authorization', as.officer)
          .send({ party, question: `A question for the ${party}` })
          .expect(201)
      ).body.id as string;

    it.each(['ombudsman_officer', 'ombudsman', 'auditor'] as const)(
      'refuses %s with 403 and records nothing',
      async (role) => {
        const before = await footprint();
        await respond(reference, `Bearer ${t.token(role)}`, { body: 'Our position' }).expect(403);
        expect(await footprint()).toEqual(before);
      },
    );

    it('refuses the customer’s case token with 401 and records nothing', async () => {
      const before = await footprint();
      await respond(reference, `Bearer ${accessToken}`, { body: 'Our position' }).expect(401);
      expect(await footprint()).toEqual(before);
    });

    it('answers 404 for an unknown case', async () => {
      await respond('OMB-2026-999999', as.agent, { body: 'Our position' }).expect(404);
    });

    it('refuses to answer another case’s information request with 409 and leaves it open', async () => {
      const other = await investigatedCase(t);
      const otherRequest = await ask(other.reference, 'company');
      const before = await footprint();
      const res = await respond(reference, as.agent, {
        body: 'Ledger attached',
        informationRequestId: otherRequest,
      }).expect(409);
      expect(res.body.code).toBe('INFORMATION_REQUEST_NOT_OPEN');
      expect(await footprint()).toEqual(before);
      const open = await t.dataSource.query(
        'SELECT answered_at FROM information_request WHERE id = $1',
        [otherRequest],
      );
      expect(open).toEqual([{ answered_at: null }]);
    });

    it('refuses to answer a request addressed to the customer with 409 and leaves it open', async () => {
      const forCustomer = await ask(reference, 'customer');
      const before = await footprint();
      const res = await respond(reference, as.integration, {
        body: 'We answer for the customer',
        informationRequestId: forCustomer,
      }).expect(409);
      expect(res.body.code).toBe('INFORMATION_REQUEST_NOT_OPEN');
      expect(await footprint()).toEqual(before);
      expect(before.answered).toBe(0);
    });
  });

  it('refuses the customer’s case token on the company view with 401', async () => {
    await t
      .http()
      .get(`/v1/frontline/cases/${reference}`)
      .set('authorization', `Bearer ${accessToken}`)
      .expect(401);
  });

  it.each(['timeline', 'audit'])('answers the %s of an unknown case with 404', async (what) => {
    await t
      .http()
      .get(`/v1/admin/cases/OMB-2026-999999/${what}`)
      .set('authorization', as.auditor)
      .expect(404);
  });

  it.each(['timeline', 'audit'])('refuses an integration on the %s with 403', async (what) => {
    await t
      .http()
      .get(`/v1/admin/cases/${reference}/${what}`)
      .set('authorization', as.integration)
      .expect(403);
  });

  it.each(['timeline', 'audit'])(
    'refuses the customer’s case token on the %s with 401',
    async (what) => {
      await t
        .http()
        .get(`/v1/admin/cases/${reference}/${what}`)
        .set('authorization', `Bearer ${accessToken}`)
        .expect(401);
    },
  );

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
