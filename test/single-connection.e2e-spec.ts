import { SlaSweep } from '../src/sla/sweep/sla-sweep';
import { WebhookDispatcher } from '../src/notifications/webhooks/webhook-dispatcher';
import { investigatedCase, staff } from './support/cases';
import { createComplaint, fileCase, filingBody } from './support/filing';
import { APOLOGY, eur, REFUND, routes } from './support/resolution';
import { startTestApp, TestApp } from './support/test-app';
import { startWebhookReceiver, WebhookReceiver } from './support/webhook-receiver';

/**
 * Every request must hold at most one pooled connection at a time. A code path that opens a
 * transaction and then waits for a second connection deadlocks as soon as the pool is busy (the
 * first burst of filings once wedged the whole service that way). With a pool of one connection
 * such a path cannot finish at all, so these flows answer 503 instead of their normal status.
 */
describe('a service with a single database connection', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  let r: ReturnType<typeof routes>;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp({
      env: {
        DATABASE_POOL_SIZE: '1',
        DATABASE_POOL_TIMEOUT_MS: '3000',
        WEBHOOK_ALLOW_PRIVATE: 'true',
      },
    });
    as = staff(t);
    r = routes(t);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const get = (path: string, auth = as.ombudsman) => t.http().get(path).set('authorization', auth);

  it('files twenty disputes at once, with and without idempotency keys and complaints', async () => {
    const complaintReference = await createComplaint(t, { answeredDaysAgo: 10 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const req = t.http().post('/v1/escalations');
        if (i % 4 === 0) req.set('idempotency-key', `key-${i % 8}`);
        return req.send(filingBody(i % 2 === 0 ? { complaintReference } : {}));
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    // One connection runs one transaction at a time, so a retry with a key always finds the first
    // answer committed: key-0 is sent three times (i = 0, 8, 16), key-4 twice (i = 4, 12).
    const references = new Set(answers.map((a) => a.body.reference as string));
    expect(references.size).toBe(17);
  });

  it('takes a case through triage, questions, mediation, payment, feedback and suggestions', async () => {
    const filed = await investigatedCase(t);
    const ref = filed.reference;
    await r.admin('post', ref, '/notes', as.officer, { body: 'Internal note' }).expect(201);
    await r
      .admin('post', ref, '/messages', as.officer, { to: 'company', body: 'Your view?' })
      .expect(201);
    const asked = await r
      .admin('post', ref, '/information-requests', as.officer, {
        party: 'customer',
        question: 'Please send the receipt.',
      })
      .expect(201);
    expect(asked.body.status).toBe('open');
    await r
      .customer(ref, '/messages', filed.accessToken, { body: 'Receipt attached.' })
      .expect(201);
    const company = await r
      .admin('post', ref, '/information-requests', as.officer, {
        party: 'company',
        question: 'Send the ledger.',
      })
      .expect(201);
    await r
      .company(ref, '/responses', as.agent, {
        body: 'Ledger attached.',
        informationRequestId: company.body.id,
      })
      .expect(201);

    const proposal = await r
      .admin('post', ref, '/proposals', as.officer, {
        terms: 'Refund and apology.',
        remedies: [REFUND, APOLOGY],
      })
      .expect(201);
    await r.customer(ref, `/proposals/${proposal.body.id}/accept`, filed.accessToken).expect(200);
    const settled = await r
      .company(ref, `/proposals/${proposal.body.id}/accept`, as.agent)
      .expect(200);
    expect(settled.body.status).toBe('fulfilment');
    for (const remedy of settled.body.remedies as { id: string }[]) {
      await r
        .company(ref, `/remedies/${remedy.id}/fulfilment`, as.agent, {
          paymentReference: 'SEPA-1',
          note: 'Done.',
          fulfilledAt: new Date().toISOString(),
        })
        .expect(200);
    }
    expect((await r.view(ref, filed.accessToken).expect(200)).body.status).toBe('closed');
    await r.customer(ref, '/feedback', filed.accessToken, { rating: 5 }).expect(201);
    const suggestion = await r
      .customer(ref, '/suggestions', filed.accessToken, { text: 'Text me when paid.' })
      .expect(201);
    await t
      .http()
      .post(`/v1/admin/suggestions/${suggestion.body.id}/status`)
      .set('authorization', as.officer)
      .send({ status: 'accepted', publicResponse: 'We will.' })
      .expect(200);
  });

  it('issues, approves, revises and answers a decision', async () => {
    const filed = await investigatedCase(t);
    const ref = filed.reference;
    const decided = await r
      .admin('post', ref, '/decision', as.ombudsman, {
        finding: 'upheld',
        reasoning: 'The deposit was owed.',
        remedies: [eur(20_000)],
      })
      .expect(201);
    const remedyId = decided.body.pending.remedies[0].id as string;
    const second = `Bearer ${t.token('ombudsman', 'otto', 'Otto Ombudsman')}`;
    const third = `Bearer ${t.token('ombudsman', 'ora', 'Ora Ombudsman')}`;
    await r.admin('post', ref, `/remedies/${remedyId}/approvals`, second).expect(201);
    await r.admin('post', ref, `/remedies/${remedyId}/approvals`, third).expect(201);
    await r.admin('post', ref, '/decision/issue', as.ombudsman).expect(200);
    await r
      .admin('post', ref, '/decision/revisions', as.ombudsman, {
        reason: 'Typo in the reasoning.',
        finding: 'upheld',
        reasoning: 'The deposit was owed in full.',
        remedies: [REFUND],
      })
      .expect(201);
    const accepted = await r.customer(ref, '/decision/accept', filed.accessToken).expect(200);
    expect(accepted.body.status).toBe('fulfilment');
  });

  it('withdraws one case and records litigation on another', async () => {
    const withdrawn = await fileCase(t);
    await r
      .customer(withdrawn.reference, '/withdraw', withdrawn.accessToken, { reason: 'Sorted' })
      .expect(200);
    const sued = await investigatedCase(t);
    await r
      .admin('post', sued.reference, '/litigation', as.ombudsman, { party: 'customer' })
      .expect(200);
  });

  it('answers every read model, report and statistic', async () => {
    const filed = await investigatedCase(t);
    const ref = filed.reference;
    const year = new Date().getUTCFullYear();
    const reads = [
      `/v1/admin/cases/${ref}`,
      `/v1/admin/cases/${ref}/timeline`,
      `/v1/admin/cases/${ref}/audit`,
      `/v1/admin/cases?q=deposit&assignee=me`,
      `/v1/admin/cases?breached=true`,
      `/v1/admin/cases?atRisk=true&status=investigation`,
      `/v1/admin/remedies?overdue=true`,
      `/v1/admin/compensation/budget`,
      `/v1/admin/corrective-actions`,
      `/v1/admin/suggestions`,
      `/v1/admin/reports/kpis`,
      `/v1/admin/reports/annual?year=${year}`,
      `/v1/admin/audit/verify`,
      `/v1/admin/sla/policies`,
      `/v1/admin/sla/calendars`,
      `/v1/admin/webhooks`,
    ];
    for (const path of reads) {
      const res = await get(path, path.includes('assignee=me') ? as.officer : as.ombudsman);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    await get('/v1/admin/reports/kpis').set('accept', 'text/csv').expect(200);
    await get(`/v1/admin/reports/annual?year=${year}`).set('accept', 'text/html').expect(200);
    await t.http().get(`/v1/public/statistics?year=${year}`).expect(200);
    await get(`/v1/frontline/cases/${ref}`, as.agent).expect(200);
    await r.view(ref, filed.accessToken).expect(200);
    await t.http().get('/health/ready').expect(200);
  });

  it('changes policies and calendars, runs the sweep and delivers webhooks', async () => {
    const policies = await get('/v1/admin/sla/policies').expect(200);
    await t
      .http()
      .put('/v1/admin/sla/policies')
      .set('authorization', as.ombudsman)
      .send({ policies: [{ kind: 'frontline_response', amount: 15, unit: 'business_days' }] })
      .expect(200);
    expect(policies.body).toBeDefined();
    const hook = await t
      .http()
      .post('/v1/admin/webhooks')
      .set('authorization', as.ombudsman)
      .send({ url: receiver.url, events: ['case.submitted'] })
      .expect(201);
    await fileCase(t);
    await t.app.get(SlaSweep).run(new Date(Date.now() + 400 * 86_400_000));
    const report = await t.app.get(WebhookDispatcher).dispatchOnce();
    expect(report.delivered).toBeGreaterThanOrEqual(1);
    await get(`/v1/admin/webhooks/${hook.body.id}/deliveries`).expect(200);
  });
});
