import { JwtRole } from '../src/auth/roles';
import { ComplaintFactsPort } from '../src/frontline/public/complaint-facts.port';
import { unitOfWork } from '../src/database/unit-of-work';
import {
  addBusinessDays,
  businessDaysBetween,
  DEFAULT_CALENDAR,
  isWorkingDay,
} from '../src/sla/business-calendar';
import { startTestApp, TestApp } from './support/test-app';

const BASE = '/v1/frontline/complaints';
const PROBLEM = /^application\/problem\+json/;
const DAY_MS = 86_400_000;

interface Complaint {
  id: string;
  reference: string;
  externalId: string | null;
  receivedAt: string;
  responseDueAt: string;
  finalResponse: unknown;
  [field: string]: unknown;
}

const body = (extra: Record<string, unknown> = {}) => ({
  customer: { name: 'Анна Петрова', email: 'anna@example.org', customerNumber: 'C-1009' },
  subject: 'Refund refused',
  description: 'The shop refuses to refund the deposit. 押金没有退还。',
  channel: 'email',
  ...extra,
});

describe('front-line complaints', () => {
  let t: TestApp;
  const bearer = (roles: JwtRole | JwtRole[] = 'frontline_agent', sub = 'agent-1') =>
    `Bearer ${t.token(roles, sub)}`;
  const post = (payload: object, sub = 'agent-1', role: JwtRole = 'frontline_agent') =>
    t.http().post(BASE).set('authorization', bearer(role, sub)).send(payload);
  const create = async (extra: Record<string, unknown> = {}): Promise<Complaint> =>
    (await post(body(extra)).expect(201)).body as Complaint;
  const respond = (reference: string, payload: object) =>
    t
      .http()
      .post(`${BASE}/${reference}/final-response`)
      .set('authorization', bearer())
      .send(payload);
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    ((await t.dataSource.query(sql, params)) as { n: number }[])[0].n;
  const complaintRows = () => count('SELECT count(*)::int AS n FROM frontline_complaint');
  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) =>
    [...new Set((res.body.errors ?? []).map((e) => e.field))].sort();

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a complaint with a reference and a deadline 15 business days later', async () => {
    const res = await post(body()).expect(201);
    const complaint = res.body as Complaint;
    expect(complaint).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: expect.stringMatching(/^CMP-\d{6,}$/),
      customer: { name: 'Анна Петрова', email: 'anna@example.org', customerNumber: 'C-1009' },
      subject: 'Refund refused',
      channel: 'email',
      externalId: null,
      agentId: 'agent-1',
      source: 'agent-1',
      finalResponse: null,
    });
    const receivedAt = new Date(complaint.receivedAt);
    const dueAt = new Date(complaint.responseDueAt);
    expect(Math.abs(receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(dueAt).toEqual(addBusinessDays(receivedAt, 15, DEFAULT_CALENDAR));
    expect(businessDaysBetween(receivedAt, dueAt, DEFAULT_CALENDAR)).toBe(15);
    expect(isWorkingDay(dueAt, DEFAULT_CALENDAR)).toBe(true);
    // Three weekends lie in any 15 business days: 21 to 23 calendar days, never 15.
    const calendarDays = Math.round((dueAt.getTime() - receivedAt.getTime()) / DAY_MS);
    expect(calendarDays).toBeGreaterThanOrEqual(21);
    expect(calendarDays).toBeLessThanOrEqual(23);
  });

  it('records the creation in the audit chain and the outbox in the same transaction', async () => {
    const { reference } = await create({ agentId: 'agent-17' });
    const chain = `complaint:${reference}`;
    const [entry] = (await t.dataSource.query(
      'SELECT actor_sub, actor_role, action FROM audit_entry WHERE chain_key = $1',
      [chain],
    )) as { actor_sub: string; actor_role: string; action: string }[];
    expect(entry).toEqual({
      actor_sub: 'agent-1',
      actor_role: 'frontline_agent',
      action: 'complaint.created',
    });
    const events = (await t.dataSource.query(
      'SELECT type, aggregate_type, payload FROM outbox_event WHERE aggregate_id = $1',
      [reference],
    )) as { type: string; aggregate_type: string; payload: { agentId: string } }[];
    expect(events).toEqual([
      {
        type: 'complaint.created',
        aggregate_type: 'complaint',
        payload: expect.objectContaining({ reference, agentId: 'agent-17' }),
      },
    ]);
  });

  it('reads a complaint by its reference', async () => {
    const created = await create();
    const res = await t
      .http()
      .get(`${BASE}/${created.reference}`)
      .set('authorization', bearer('integration', 'crm'))
      .expect(200);
    expect(res.body).toEqual(created);
  });

  it('answers an unknown or malformed reference with 404 problem+json', async () => {
    for (const reference of ['CMP-999999', 'not-a-reference']) {
      const res = await t.http().get(`${BASE}/${reference}`).set('authorization', bearer());
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.code).toBe('COMPLAINT_NOT_FOUND');
    }
  });

  it('walks every page of the list newest first without repeats or gaps', async () => {
    const created = [];
    for (let i = 0; i < 7; i += 1) created.push(await create({ subject: `Page test ${i}` }));
    // Ties on received_at must not make the order unstable.
    await t.dataSource.query(
      'UPDATE frontline_complaint SET received_at = $1 WHERE reference = ANY($2)',
      [created[2].receivedAt, created.slice(2, 6).map((c) => c.reference)],
    );
    const expected = (
      (await t.dataSource.query(
        'SELECT reference FROM frontline_complaint ORDER BY received_at DESC, id DESC',
      )) as { reference: string }[]
    ).map((r) => r.reference);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t
        .http()
        .get(BASE)
        .query(cursor ? { limit: 3, cursor } : { limit: 3 })
        .set('authorization', bearer())
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...(res.body.items as Complaint[]).map((c) => c.reference));
      cursor = res.body.nextCursor as string | null;
      pages += 1;
    } while (cursor && pages < 50);

    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created.map((c) => c.reference)));
    expect(pages).toBe(Math.ceil(expected.length / 3));
  });

  it('lists 25 complaints by default and refuses a bad cursor or limit with 400', async () => {
    const page = await t.http().get(BASE).set('authorization', bearer()).expect(200);
    expect(page.body.items.length).toBeLessThanOrEqual(25);
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    for (const query of [{ cursor: 'garbage' }, { cursor: forged }, { limit: 101 }, { limit: 0 }]) {
      const res = await t.http().get(BASE).query(query).set('authorization', bearer());
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(fieldsOf(res)).toEqual([Object.keys(query)[0]]);
    }
  });

  it('returns the existing complaint with 200 when a source pushes an externalId again', async () => {
    const first = (await post(body({ externalId: 'crm-1' }), 'crm', 'integration').expect(201))
      .body as Complaint;
    const again = await post(
      body({ externalId: 'crm-1', subject: 'Changed' }),
      'crm',
      'integration',
    );
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first);
    const chain = await count('SELECT count(*)::int AS n FROM audit_entry WHERE chain_key = $1', [
      `complaint:${first.reference}`,
    ]);
    expect(chain).toBe(1);
  });

  it('creates a new complaint when another source pushes the same externalId', async () => {
    const mine = (await post(body({ externalId: 'shared-7' }), 'crm', 'integration').expect(201))
      .body as Complaint;
    const theirs = await post(body({ externalId: 'shared-7' }), 'shop', 'integration').expect(201);
    expect(theirs.body.reference).not.toBe(mine.reference);
    expect(theirs.body.source).toBe('shop');
  });

  it('creates exactly one complaint from ten concurrent pushes of one externalId', async () => {
    const pushes = await Promise.all(
      Array.from({ length: 10 }, () => post(body({ externalId: 'burst-1' }), 'crm', 'integration')),
    );
    const statuses = pushes.map((res) => res.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(pushes.map((res) => res.body.reference)).size).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM frontline_complaint WHERE source = 'crm' AND external_id = 'burst-1'`,
      ),
    ).toBe(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1`, [
        pushes[0].body.reference,
      ]),
    ).toBe(1);
  });

  it('records a final response with an offer in EUR minor units and shows it', async () => {
    const { reference } = await create();
    const res = await respond(reference, {
      text: 'We refund the deposit.',
      offer: { amountMinor: 12550, currency: 'EUR' },
    }).expect(201);
    const expected = {
      text: 'We refund the deposit.',
      offer: { amountMinor: 12550, currency: 'EUR' },
      respondedAt: expect.any(String),
      respondedBy: 'agent-1',
    };
    expect(res.body.finalResponse).toEqual(expected);
    const read = await t.http().get(`${BASE}/${reference}`).set('authorization', bearer());
    expect(read.body.finalResponse).toEqual(res.body.finalResponse);
    const [row] = (await t.dataSource.query(
      `SELECT final_response_offer_minor::text AS minor, final_response_offer_currency AS currency
         FROM frontline_complaint WHERE reference = $1`,
      [reference],
    )) as { minor: string; currency: string }[];
    expect(row).toEqual({ minor: '12550', currency: 'EUR' });
    const events = await count(
      `SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1 AND type = 'complaint.final_response'`,
      [reference],
    );
    expect(events).toBe(1);
  });

  it('refuses a second final response with 409 and keeps the first', async () => {
    const { reference } = await create();
    const first = await respond(reference, { text: 'First answer' }).expect(201);
    expect(first.body.finalResponse.offer).toBeNull();
    const second = await respond(reference, {
      text: 'Second answer',
      offer: { amountMinor: 1, currency: 'EUR' },
    });
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toMatch(PROBLEM);
    expect(second.body.code).toBe('COMPLAINT_ALREADY_ANSWERED');
    const read = await t.http().get(`${BASE}/${reference}`).set('authorization', bearer());
    expect(read.body.finalResponse).toEqual(first.body.finalResponse);
  });

  it('answers a final response to an unknown complaint with 404', async () => {
    const res = await respond('CMP-888888', { text: 'Hello' }).expect(404);
    expect(res.body.code).toBe('COMPLAINT_NOT_FOUND');
  });

  it('refuses invalid complaints with 400 naming each field, and stores nothing', async () => {
    const before = await complaintRows();
    const cases: [object, string[]][] = [
      [body({ customer: { name: 'Anna', email: 'not-an-email' } }), ['customer.email']],
      [{ ...body(), subject: undefined }, ['subject']],
      [body({ priority: 'high' }), ['priority']],
      [body({ customer: { name: 'Anna', email: 'a@example.org', vip: true } }), ['customer.vip']],
      [body({ subject: 'x'.repeat(301) }), ['subject']],
      [body({ channel: 'pigeon' }), ['channel']],
    ];
    for (const [payload, fields] of cases) {
      const res = await post(payload);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(fieldsOf(res)).toEqual(fields);
    }
    expect(await complaintRows()).toBe(before);
  });

  it('refuses invalid final responses with 400 naming each field, and stores nothing', async () => {
    const { reference } = await create();
    const future = new Date(Date.now() + 3 * DAY_MS).toISOString();
    const cases: [object, string[]][] = [
      [{ text: 'x', offer: { amountMinor: 100, currency: 'XXY' } }, ['offer.currency']],
      [{ text: 'x', offer: { amountMinor: -1, currency: 'EUR' } }, ['offer.amountMinor']],
      [{ text: 'x', offer: { amountMinor: 1.5, currency: 'EUR' } }, ['offer.amountMinor']],
      [{ offer: { amountMinor: 1, currency: 'EUR' } }, ['text']],
      [{ text: 'x', respondedAt: 'yesterday' }, ['respondedAt']],
      [{ text: 'x', respondedAt: future }, ['respondedAt']],
      [{ text: 'x', respondedAt: '2020-01-01T00:00:00Z' }, ['respondedAt']],
    ];
    for (const [payload, fields] of cases) {
      const res = await respond(reference, payload);
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(fields);
    }
    const read = await t.http().get(`${BASE}/${reference}`).set('authorization', bearer());
    expect(read.body.finalResponse).toBeNull();
  });

  describe('who may use the front-line routes', () => {
    let reference: string;
    beforeAll(async () => {
      reference = (await create()).reference;
    });
    const routes = () => [
      { method: 'post' as const, path: BASE, payload: body() },
      { method: 'get' as const, path: BASE },
      { method: 'get' as const, path: `${BASE}/${reference}` },
      {
        method: 'post' as const,
        path: `${BASE}/${reference}/final-response`,
        payload: { text: 'x' },
      },
    ];

    it('refuses a request without a token with 401 on every route', async () => {
      for (const { method, path, payload } of routes()) {
        const res = await t.http()[method](path).send(payload);
        expect({ path, method, status: res.status }).toEqual({ path, method, status: 401 });
      }
    });

    it('refuses ombudsman officers, ombudsmen and auditors with 403 on every route', async () => {
      const before = await complaintRows();
      for (const role of ['ombudsman_officer', 'ombudsman', 'auditor'] as const) {
        for (const { method, path, payload } of routes()) {
          const res = await t.http()[method](path).set('authorization', bearer(role)).send(payload);
          expect({ role, path, method, status: res.status }).toEqual({
            role,
            path,
            method,
            status: 403,
          });
          expect(res.body.code).toBe('AUTH_FORBIDDEN');
        }
      }
      expect(await complaintRows()).toBe(before);
      const read = await t.http().get(`${BASE}/${reference}`).set('authorization', bearer());
      expect(read.body.finalResponse).toBeNull();
    });
  });

  describe('the published complaint-facts port', () => {
    const filing = (caseReference: string) => ({
      customer: { name: 'Li Wei', email: 'li.wei@example.cn' },
      subject: '退款被拒绝',
      description: 'Filed with the ombudsman first.',
      caseReference,
    });

    it('opens a referral complaint inside the caller’s transaction and reports its facts', async () => {
      const port = t.app.get(ComplaintFactsPort);
      const facts = await t.dataSource.transaction((m) =>
        port.openFromFiling(unitOfWork(m), filing('OMB-2026-000001')),
      );
      expect(facts).toEqual({
        reference: expect.stringMatching(/^CMP-\d{6,}$/),
        agentId: 'unassigned',
        receivedAt: expect.any(Date),
        responseDueAt: addBusinessDays(facts.receivedAt, 15, DEFAULT_CALENDAR),
        finalResponseAt: null,
      });
      expect(await port.factsFor(facts.reference)).toEqual(facts);
      const read = await t.http().get(`${BASE}/${facts.reference}`).set('authorization', bearer());
      expect(read.body).toMatchObject({
        channel: 'ombudsman_referral',
        source: 'ombudsman',
        externalId: 'OMB-2026-000001',
      });
      const again = await t.dataSource.transaction((m) =>
        port.openFromFiling(unitOfWork(m), filing('OMB-2026-000001')),
      );
      expect(again.reference).toBe(facts.reference);
      expect(await port.factsFor('CMP-777777')).toBeNull();
    });

    it('leaves no complaint behind when the filing’s transaction fails', async () => {
      const port = t.app.get(ComplaintFactsPort);
      const before = await complaintRows();
      await expect(
        t.dataSource.transaction(async (m) => {
          await port.openFromFiling(unitOfWork(m), filing('OMB-2026-000002'));
          throw new Error('the filing failed afterwards');
        }),
      ).rejects.toThrow('the filing failed afterwards');
      expect(await complaintRows()).toBe(before);
    });
  });
});
