import { investigatedCase, staff } from './support/cases';
import { FiledCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;

interface DeadlineRow {
  id: string;
  kind: string;
  party: string;
  due_at: Date;
  at_risk_due_at: Date;
  paused_since: Date | null;
  paused_seconds: string;
}

describe('clocks pause while the case waits on the customer', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  beforeAll(async () => {
    t = await startTestApp();
    as = staff(t);
  });
  afterAll(() => t.close());

  const ask = (reference: string, party: 'customer' | 'company', question = 'Your receipt?') =>
    t
      .http()
      .post(`/v1/admin/cases/${reference}/information-requests`)
      .set('authorization', as.officer)
      .send({ party, question })
      .expect(201);
  const customerAnswers = (filed: FiledCase, body = 'Receipt 4471-22') =>
    t
      .http()
      .post(`/v1/escalations/${filed.reference}/messages`)
      .set('authorization', `Bearer ${filed.accessToken}`)
      .send({ body })
      .expect(201);
  const deadlines = async (filed: FiledCase) =>
    (await t.dataSource.query(
      `SELECT d.id, d.kind, d.party, d.due_at, d.at_risk_due_at, d.paused_since, d.paused_seconds
         FROM case_deadline d JOIN ombudsman_case c ON c.id = d.case_id
        WHERE c.reference = $1 ORDER BY d.started_at, d.kind`,
      [filed.reference],
    )) as DeadlineRow[];
  const outcome = async (filed: FiledCase) =>
    (await deadlines(filed)).find((d) => d.kind === 'outcome') as DeadlineRow;
  const timeline = async (filed: FiledCase) =>
    (await t.dataSource.query(
      `SELECT e.type, e.data FROM case_timeline_entry e JOIN ombudsman_case c ON c.id = e.case_id
        WHERE c.reference = $1 AND e.type LIKE 'sla.%' ORDER BY e.occurred_at, e.id`,
      [filed.reference],
    )) as { type: string; data: Record<string, unknown> }[];

  it('stops the office clock when the customer is asked, and the customer view shows it paused', async () => {
    const filed = await investigatedCase(t);
    await ask(filed.reference, 'customer');
    const running = await outcome(filed);
    expect(running.paused_since).not.toBeNull();

    const view = await t
      .http()
      .get(`/v1/escalations/${filed.reference}`)
      .set('authorization', `Bearer ${filed.accessToken}`)
      .expect(200);
    expect(view.body.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'outcome',
          party: 'office',
          paused: true,
          breached: false,
        }),
        expect.objectContaining({ kind: 'information_request', party: 'customer', paused: false }),
      ]),
    );
  });

  it('moves the due date by exactly the paused time when the customer answers', async () => {
    const filed = await investigatedCase(t);
    await ask(filed.reference, 'customer');
    const before = await outcome(filed);
    // The question was asked three days ago.
    const pausedSince = new Date(Date.now() - 3 * DAY - 1234);
    await t.dataSource.query('UPDATE case_deadline SET paused_since = $2 WHERE id = $1', [
      before.id,
      pausedSince,
    ]);

    await customerAnswers(filed);

    const after = await outcome(filed);
    expect(after.paused_since).toBeNull();
    const resumed = (await timeline(filed)).find((e) => e.type === 'sla.resumed');
    const resumedAt = new Date(resumed?.data.at as string).getTime();
    const paused = resumedAt - pausedSince.getTime();
    expect(paused).toBeGreaterThan(3 * DAY);
    expect(after.due_at.getTime() - before.due_at.getTime()).toBe(paused);
    expect(after.at_risk_due_at.getTime() - before.at_risk_due_at.getTime()).toBe(paused);
    expect(Number(after.paused_seconds)).toBe(Math.round(paused / 1000));
    expect(resumed?.data.deadlines).toEqual([
      expect.objectContaining({ kind: 'outcome', pausedMs: paused }),
    ]);
  });

  it('puts each pause and resume on the timeline and in the audit log', async () => {
    const filed = await investigatedCase(t);
    const asked = await ask(filed.reference, 'customer');
    await customerAnswers(filed);
    expect((await timeline(filed)).map((e) => e.type)).toEqual(['sla.paused', 'sla.resumed']);
    expect((await timeline(filed))[0].data).toMatchObject({
      informationRequestId: asked.body.id,
      deadlines: [expect.objectContaining({ kind: 'outcome', party: 'office' })],
    });
    const audit = (await t.dataSource.query(
      `SELECT a.action, a.actor_role FROM audit_entry a JOIN ombudsman_case c ON a.chain_key = c.id::text
        WHERE c.reference = $1 AND a.action LIKE 'sla.%' ORDER BY a.seq`,
      [filed.reference],
    )) as { action: string; actor_role: string }[];
    expect(audit).toEqual([
      { action: 'sla.paused', actor_role: 'ombudsman_officer' },
      { action: 'sla.resumed', actor_role: 'customer' },
    ]);
    const chain = await t
      .http()
      .get('/v1/admin/audit/verify')
      .set('authorization', as.auditor)
      .expect(200);
    expect(chain.body.valid).toBe(true);
  });

  it('keeps the clocks running when only the company is asked', async () => {
    const filed = await investigatedCase(t);
    await ask(filed.reference, 'company');
    expect((await outcome(filed)).paused_since).toBeNull();
    expect(await timeline(filed)).toEqual([]);
  });

  it('restarts the clocks only when the customer has answered every open question', async () => {
    const filed = await investigatedCase(t);
    await ask(filed.reference, 'customer', 'Your receipt?');
    await ask(filed.reference, 'customer', 'Your order number?');
    await customerAnswers(filed, 'Receipt 4471-22');
    expect((await outcome(filed)).paused_since).not.toBeNull();
    await customerAnswers(filed, 'Order 88-1');
    expect((await outcome(filed)).paused_since).toBeNull();
    expect((await timeline(filed)).map((e) => e.type)).toEqual(['sla.paused', 'sla.resumed']);
  });

  it('lets staff see the paused deadline in the staff view', async () => {
    const filed = await investigatedCase(t);
    await ask(filed.reference, 'customer');
    const view = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', as.officer)
      .expect(200);
    expect(view.body.deadlines).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'outcome', paused: true })]),
    );
  });
});
