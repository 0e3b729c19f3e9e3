import { JwtRole } from '../src/auth/roles';
import { addBusinessDays, DEFAULT_CALENDAR } from '../src/sla/business-calendar';
import { filingBody } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

const BASE = '/v1/frontline/complaints';
const DAY_MS = 86_400_000;

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

describe('complaints a CRM received in the past', () => {
  let t: TestApp;
  const bearer = (role: JwtRole, sub: string) => `Bearer ${t.token(role, sub)}`;
  const complaint = (extra: Record<string, unknown> = {}) => ({
    customer: { name: 'Anna Petrova', email: 'anna.history@example.org', customerNumber: 'H-1' },
    subject: 'Deposit not refunded',
    description: 'The customer returned the heater and the deposit never came back.',
    channel: 'email',
    ...extra,
  });
  const push = (payload: object, role: JwtRole = 'integration', sub = 'crm') =>
    t.http().post(BASE).set('authorization', bearer(role, sub)).send(payload);
  const respond = (reference: string, payload: object, role: JwtRole = 'integration') =>
    t
      .http()
      .post(`${BASE}/${reference}/final-response`)
      .set('authorization', bearer(role, 'crm'))
      .send(payload);
  const auditAfter = async (reference: string, action: string) =>
    (
      (await t.dataSource.query(
        'SELECT actor_sub, after FROM audit_entry WHERE chain_key = $1 AND action = $2',
        [`complaint:${reference}`, action],
      )) as { actor_sub: string; after: Record<string, unknown> }[]
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('an integration pushes a complaint received months ago and its deadline counts from then', async () => {
    const receivedAt = '2025-03-03T09:15:00.000Z';
    const res = await push(complaint({ receivedAt, externalId: 'crm-old-1' })).expect(201);
    expect(res.body.receivedAt).toBe(receivedAt);
    expect(res.body.responseDueAt).toBe(
      addBusinessDays(new Date(receivedAt), 15, DEFAULT_CALENDAR).toISOString(),
    );
    const read = await t
      .http()
      .get(`${BASE}/${res.body.reference}`)
      .set('authorization', bearer('frontline_agent', 'agent-2'))
      .expect(200);
    expect(read.body.receivedAt).toBe(receivedAt);
    const entry = await auditAfter(res.body.reference, 'complaint.created');
    expect(entry.actor_sub).toBe('crm');
    expect(entry.after).toMatchObject({ receivedAt, receivedAtSetBy: 'crm' });
  });

  it('a front-line agent may date a complaint back too, and a time with an offset is kept as that instant', async () => {
    const res = await push(
      complaint({ receivedAt: '2025-06-01T10:00:00+02:00' }),
      'frontline_agent',
      'agent-5',
    ).expect(201);
    expect(res.body.receivedAt).toBe('2025-06-01T08:00:00.000Z');
  });

  it('a complaint pushed without a receipt time is received now and the audit names no setter', async () => {
    const res = await push(complaint()).expect(201);
    expect(Math.abs(new Date(res.body.receivedAt).getTime() - Date.now())).toBeLessThan(60_000);
    const entry = await auditAfter(res.body.reference, 'complaint.created');
    expect(entry.after).not.toHaveProperty('receivedAtSetBy');
  });

  it('a receipt time in the future, before 2000 or not a time is refused with 400 naming receivedAt', async () => {
    for (const receivedAt of [daysAgo(-2), '1999-12-31T23:59:59Z', 'last spring', '2025-13-01']) {
      const res = await push(complaint({ receivedAt }));
      expect({ receivedAt, status: res.status }).toEqual({ receivedAt, status: 400 });
      expect(res.body.errors).toEqual([{ field: 'receivedAt', message: expect.any(String) }]);
    }
  });

  it('a final response may be dated anywhere between the receipt and now, and is shown as given', async () => {
    const receivedAt = daysAgo(300);
    const { body: created } = await push(complaint({ receivedAt })).expect(201);
    const tooEarly = await respond(created.reference, {
      text: 'No refund.',
      respondedAt: new Date(new Date(receivedAt).getTime() - 60_000).toISOString(),
    });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.errors).toEqual([{ field: 'respondedAt', message: expect.any(String) }]);

    const respondedAt = daysAgo(280);
    const res = await respond(created.reference, {
      text: 'We cannot refund the deposit.',
      respondedAt,
    }).expect(201);
    expect(res.body.finalResponse).toEqual({
      text: 'We cannot refund the deposit.',
      offer: null,
      respondedAt,
      respondedBy: 'crm',
    });
    const entry = await auditAfter(created.reference, 'complaint.final_response');
    expect(entry.actor_sub).toBe('crm');
    expect(entry.after).toMatchObject({
      finalResponse: { respondedAt },
      respondedAtSetBy: 'crm',
    });
  });

  it('a customer who comes back after the time limit is refused at intake with the out-of-time explanation', async () => {
    const email = 'late.customer@example.org';
    const { body: created } = await push(
      complaint({
        customer: { name: 'Late Customer', email },
        receivedAt: daysAgo(330),
        externalId: 'crm-late-1',
      }),
    ).expect(201);
    const respondedAt = daysAgo(300);
    await respond(created.reference, { text: 'No refund.', respondedAt }).expect(201);

    const filed = await t
      .http()
      .post('/v1/escalations')
      .send(
        filingBody({
          customer: { name: 'Late Customer', email },
          complaintReference: created.reference,
          preferredLanguage: 'en',
        }),
      )
      .expect(201);
    expect(filed.body.status).toBe('rejected');
    expect(filed.body.complaintReference).toBe(created.reference);
    expect(filed.body.explanation).toMatch(/within 6 months of the company's final response/);
    expect(filed.body.explanation).toContain(created.reference);

    const view = await t
      .http()
      .get(`/v1/escalations/${filed.body.reference}`)
      .set('authorization', `Bearer ${filed.body.accessToken}`)
      .expect(200);
    expect(view.body.status).toBe('rejected');
    expect(view.body.explanation).toBe(filed.body.explanation);
  });
});
