import { addBusinessDays, DEFAULT_CALENDAR } from '../src/sla/business-calendar';
import { staff } from './support/cases';
import { fileCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('deadline policies and business calendars', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  beforeAll(async () => {
    t = await startTestApp();
    as = staff(t);
  });
  afterAll(() => t.close());

  const policies = (who: string) =>
    t.http().get('/v1/admin/sla/policies').set('authorization', who);
  const putPolicies = (who: string, body: object) =>
    t.http().put('/v1/admin/sla/policies').set('authorization', who).send(body);
  const postCalendar = (who: string, body: object) =>
    t.http().post('/v1/admin/sla/calendars').set('authorization', who).send(body);
  const acknowledgeDeadline = async (reference: string) =>
    (
      (await t.dataSource.query(
        `SELECT d.started_at, d.due_at FROM case_deadline d JOIN ombudsman_case c ON c.id = d.case_id
          WHERE c.reference = $1 AND d.kind = 'acknowledge'`,
        [reference],
      )) as { started_at: Date; due_at: Date }[]
    )[0];
  const calendar = (name: string, extra: object = {}) => ({
    name,
    timeZone: 'UTC',
    workingDays: [1, 2, 3, 4, 5, 6, 7],
    holidays: [],
    ...extra,
  });

  // Runs first: the later tests change policies.
  it('lists the six policies with their configured defaults and the calendar that ships', async () => {
    const res = await policies(as.auditor).expect(200);
    expect(
      res.body.items.map((p: { kind: string; amount: number; unit: string; source: string }) => [
        p.kind,
        p.amount,
        p.unit,
        p.source,
      ]),
    ).toEqual([
      ['acknowledge', 2, 'business_days', 'configured'],
      ['frontline_response', 15, 'business_days', 'configured'],
      ['outcome', 90, 'calendar_days', 'configured'],
      ['decision_answer', 30, 'calendar_days', 'configured'],
      ['remedy_payment', 28, 'calendar_days', 'configured'],
      ['information_request', 14, 'calendar_days', 'configured'],
    ]);
    const calendars = await t
      .http()
      .get('/v1/admin/sla/calendars')
      .set('authorization', as.officer)
      .expect(200);
    expect(calendars.body.items[0]).toMatchObject({
      name: 'default',
      timeZone: 'Europe/Berlin',
      workingDays: [1, 2, 3, 4, 5],
      holidays: [],
      isDefault: true,
    });
    expect(calendars.body.nextCursor).toBeNull();
  });

  it('applies a changed policy to new deadlines only, and audits the change in the system chain', async () => {
    const earlier = await fileCase(t);
    const earlierDue = await acknowledgeDeadline(earlier.reference);

    const res = await putPolicies(as.ombudsman, {
      policies: [{ kind: 'acknowledge', amount: 5, unit: 'business_days' }],
    }).expect(200);
    expect(res.body.items[0]).toMatchObject({
      kind: 'acknowledge',
      amount: 5,
      source: 'changed',
      updatedBy: 'oscar',
    });

    const later = await fileCase(t);
    const { started_at, due_at } = await acknowledgeDeadline(later.reference);
    expect(due_at).toEqual(addBusinessDays(started_at, 5, DEFAULT_CALENDAR));
    expect(await acknowledgeDeadline(earlier.reference)).toEqual(earlierDue);
    expect(earlierDue.due_at).toEqual(addBusinessDays(earlierDue.started_at, 2, DEFAULT_CALENDAR));

    const audit = (await t.dataSource.query(
      `SELECT actor_sub, before, after FROM audit_entry
        WHERE chain_key = 'system' AND action = 'sla.policy_changed' ORDER BY seq`,
    )) as { actor_sub: string; before: { amount: number }; after: { amount: number } }[];
    expect(audit.at(-1)).toMatchObject({
      actor_sub: 'oscar',
      before: { amount: 2, unit: 'business_days' },
      after: { kind: 'acknowledge', amount: 5 },
    });
  });

  it('dates a new front-line complaint by the front-line response policy', async () => {
    await putPolicies(as.ombudsman, {
      policies: [{ kind: 'frontline_response', amount: 20, unit: 'business_days' }],
    }).expect(200);
    const created = await t
      .http()
      .post('/v1/frontline/complaints')
      .set('authorization', as.agent)
      .send({
        customer: { name: 'Анна Петрова', email: 'anna@example.org' },
        subject: 'Deposit not refunded',
        description: 'Customer returned goods on 2 October.',
      })
      .expect(201);
    const [row] = (await t.dataSource.query(
      'SELECT received_at, response_due_at FROM frontline_complaint WHERE reference = $1',
      [created.body.reference],
    )) as { received_at: Date; response_due_at: Date }[];
    expect(row.response_due_at).toEqual(addBusinessDays(row.received_at, 20, DEFAULT_CALENDAR));
  });

  it('counts business days in the calendar a policy names', async () => {
    const created = await postCalendar(
      as.ombudsman,
      calendar('Every day, UTC', { holidays: ['2031-01-01'] }),
    ).expect(201);
    expect(created.body).toMatchObject({ id: expect.any(String), isDefault: false, version: 1 });
    await putPolicies(as.ombudsman, {
      policies: [
        { kind: 'acknowledge', amount: 3, unit: 'business_days', calendarId: created.body.id },
      ],
    }).expect(200);
    const filed = await fileCase(t);
    const { started_at, due_at } = await acknowledgeDeadline(filed.reference);
    // Every day works in that calendar: three business days are three days to the second.
    expect(due_at.getTime() - started_at.getTime()).toBe(3 * DAY);

    await putPolicies(as.ombudsman, {
      policies: [{ kind: 'acknowledge', amount: 10, unit: 'calendar_days' }],
    }).expect(200);
    const next = await fileCase(t);
    const again = await acknowledgeDeadline(next.reference);
    expect(again.due_at.getTime() - again.started_at.getTime()).toBe(10 * DAY);
  });

  it('refuses to replace a calendar someone changed since you read it (If-Match), with 412', async () => {
    const created = await postCalendar(as.ombudsman, calendar('Vilnius office')).expect(201);
    const url = `/v1/admin/sla/calendars/${created.body.id}`;
    const read = await t.http().get(url).set('authorization', as.auditor).expect(200);
    expect(read.headers.etag).toBe('"1"');
    const mine = await t
      .http()
      .put(url)
      .set('authorization', as.ombudsman)
      .set('if-match', read.headers.etag as string)
      .send(calendar('Vilnius office', { timeZone: 'Europe/Vilnius' }))
      .expect(200);
    expect(mine.headers.etag).toBe('"2"');
    const stale = await t
      .http()
      .put(url)
      .set('authorization', as.ombudsman)
      .set('if-match', read.headers.etag as string)
      .send(calendar('Vilnius office', { timeZone: 'UTC' }))
      .expect(412);
    expect(stale.body).toMatchObject({ code: 'SLA_CALENDAR_VERSION_MISMATCH', currentVersion: 2 });
    const after = await t.http().get(url).set('authorization', as.auditor).expect(200);
    expect(after.body).toMatchObject({ timeZone: 'Europe/Vilnius', version: 2 });
    await t
      .http()
      .put(url)
      .set('authorization', as.ombudsman)
      .set('if-match', 'yesterday')
      .send(calendar('Vilnius office'))
      .expect(400);
  });

  it('replaces a calendar, and a calendar made default takes over from the old one', async () => {
    const created = await postCalendar(as.ombudsman, calendar('Shanghai office')).expect(201);
    const replaced = await t
      .http()
      .put(`/v1/admin/sla/calendars/${created.body.id}`)
      .set('authorization', as.ombudsman)
      .send(
        calendar('Shanghai office', {
          timeZone: 'Asia/Shanghai',
          workingDays: [5, 1, 2, 3, 4],
          holidays: ['2027-02-08', '2027-02-06'],
          isDefault: true,
        }),
      )
      .expect(200);
    expect(replaced.body).toMatchObject({
      timeZone: 'Asia/Shanghai',
      workingDays: [1, 2, 3, 4, 5],
      holidays: ['2027-02-06', '2027-02-08'],
      isDefault: true,
      version: 2,
    });
    const list = await t
      .http()
      .get('/v1/admin/sla/calendars')
      .set('authorization', as.auditor)
      .expect(200);
    const defaults = list.body.items.filter((c: { isDefault: boolean }) => c.isDefault);
    expect(defaults.map((c: { name: string }) => c.name)).toEqual(['Shanghai office']);
    const one = await t
      .http()
      .get(`/v1/admin/sla/calendars/${created.body.id}`)
      .set('authorization', as.officer)
      .expect(200);
    expect(one.body).toEqual(replaced.body);
    const audit = (await t.dataSource.query(
      `SELECT action FROM audit_entry WHERE chain_key = 'system' AND action LIKE 'sla.calendar%'`,
    )) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['sla.calendar_created', 'sla.calendar_changed']),
    );
    // Put the shipped calendar back as the default for the tests that follow.
    const shipped = list.body.items.find((c: { name: string }) => c.name === 'default');
    await t
      .http()
      .put(`/v1/admin/sla/calendars/${shipped.id}`)
      .set('authorization', as.ombudsman)
      .send(
        calendar('default', {
          timeZone: 'Europe/Berlin',
          workingDays: [1, 2, 3, 4, 5],
          isDefault: true,
        }),
      )
      .expect(200);
  });

  it('refuses a bad calendar: unknown zone, a day outside 1–7, a malformed holiday, a taken name', async () => {
    const bad = [
      calendar('x', { timeZone: 'Mars/Olympus' }),
      calendar('x', { workingDays: [0, 1] }),
      calendar('x', { workingDays: [] }),
      calendar('x', { holidays: ['2026-13-01'] }),
      { ...calendar('x'), extra: true },
    ];
    for (const body of bad) await postCalendar(as.ombudsman, body).expect(400);
    await postCalendar(as.ombudsman, calendar('Twice')).expect(201);
    const taken = await postCalendar(as.ombudsman, calendar('Twice')).expect(409);
    expect(taken.body.type).toContain('sla-calendar-name-taken');
    await t
      .http()
      .get('/v1/admin/sla/calendars/not-a-uuid')
      .set('authorization', as.officer)
      .expect(404);
    await t
      .http()
      .get('/v1/admin/sla/calendars/6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10')
      .set('authorization', as.officer)
      .expect(404);
  });

  it('refuses a policy naming an unknown calendar, a kind listed twice, or an unknown unit', async () => {
    await putPolicies(as.ombudsman, {
      policies: [
        {
          kind: 'outcome',
          amount: 60,
          unit: 'calendar_days',
          calendarId: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10',
        },
      ],
    }).expect(422);
    await putPolicies(as.ombudsman, {
      policies: [
        { kind: 'outcome', amount: 60, unit: 'calendar_days' },
        { kind: 'outcome', amount: 70, unit: 'calendar_days' },
      ],
    }).expect(400);
    await putPolicies(as.ombudsman, {
      policies: [{ kind: 'outcome', amount: 60, unit: 'weeks' }],
    }).expect(400);
    await putPolicies(as.ombudsman, {
      policies: [{ kind: 'outcome', amount: 0, unit: 'calendar_days' }],
    }).expect(400);
    const outcome = (await policies(as.officer).expect(200)).body.items.find(
      (p: { kind: string }) => p.kind === 'outcome',
    );
    expect(outcome).toMatchObject({ amount: 90, source: 'configured' });
  });

  it('refuses policy and calendar changes to an officer and an auditor, and everything to the front line', async () => {
    const body = { policies: [{ kind: 'outcome', amount: 60, unit: 'calendar_days' }] };
    await putPolicies(as.officer, body).expect(403);
    await putPolicies(as.auditor, body).expect(403);
    await putPolicies(as.agent, body).expect(403);
    await postCalendar(as.officer, calendar('Officer calendar')).expect(403);
    await postCalendar(as.auditor, calendar('Auditor calendar')).expect(403);
    await policies(as.agent).expect(403);
    await policies(as.integration).expect(403);
    await t.http().get('/v1/admin/sla/calendars').set('authorization', as.agent).expect(403);
    await t.http().get('/v1/admin/sla/policies').expect(401);
    await policies(as.officer).expect(200);
  });
});
