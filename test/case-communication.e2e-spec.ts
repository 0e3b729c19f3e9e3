import { investigatedCase, staff, submittedCase } from './support/cases';
import { createComplaint, fileCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

describe('notes, messages and information requests', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  beforeAll(async () => {
    t = await startTestApp();
    as = staff(t);
  });
  afterAll(() => t.close());

  const admin = (reference: string, action: string, who: string, body: object) =>
    t.http().post(`/v1/admin/cases/${reference}/${action}`).set('authorization', who).send(body);
  const customerView = (reference: string, token: string) =>
    t
      .http()
      .get(`/v1/escalations/${reference}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
  const companyView = (reference: string) =>
    t.http().get(`/v1/frontline/cases/${reference}`).set('authorization', as.agent).expect(200);

  it('never shows an internal note, nor a conflict declaration, to the customer or the company', async () => {
    const filed = await investigatedCase(t);
    const marker = 'NOTE-MARKER-7f3a';
    await admin(filed.reference, 'notes', as.officer, { body: `Internal: ${marker}` }).expect(201);
    await admin(filed.reference, 'conflicts', as.ombudsman, {
      reason: `CONFLICT-${marker}`,
      staffId: 'peter',
    }).expect(201);
    const staffView = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', as.auditor)
      .expect(200);
    expect(JSON.stringify(staffView.body)).toContain(marker);
    expect(
      JSON.stringify((await customerView(filed.reference, filed.accessToken)).body),
    ).not.toContain(marker);
    expect(JSON.stringify((await companyView(filed.reference)).body)).not.toContain(marker);
    const events = await t.dataSource.query('SELECT payload FROM outbox_event');
    expect(JSON.stringify(events)).not.toContain(marker);
  });

  it('tells the customer why their late case was accepted, and shows the company only that it was', async () => {
    const complaintReference = await createComplaint(t, { answeredDaysAgo: 200 });
    const late = await fileCase(t, { complaintReference });
    const reason = 'Customer was in hospital';
    await admin(late.reference, 'triage', as.ombudsman, {
      decision: 'accept',
      reason,
      discretion: true,
    }).expect(200);
    const company = await companyView(late.reference);
    expect(JSON.stringify(company.body)).not.toContain('hospital');
    expect(company.body.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'case.status_changed', body: null }),
      ]),
    );
    const customer = await customerView(late.reference, late.accessToken);
    expect(customer.body.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'case.status_changed', body: reason }),
      ]),
    );
    const office = await t
      .http()
      .get(`/v1/admin/cases/${late.reference}/timeline`)
      .set('authorization', as.auditor)
      .expect(200);
    expect(office.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'case.status_changed', body: reason }),
      ]),
    );
  });

  it('tells the customer, not the company, why their case was rejected and closed', async () => {
    const filed = await submittedCase(t);
    await admin(filed.reference, 'triage', as.officer, {
      decision: 'reject',
      reason: 'REJECT-REASON-Already before the county court',
    }).expect(200);
    await admin(filed.reference, 'close', as.officer, {
      outcome: 'rejected',
      reason: 'CLOSE-REASON-Out of scope',
    }).expect(200);
    const company = JSON.stringify((await companyView(filed.reference)).body);
    expect(company).not.toContain('REASON');
    expect(company).toContain('closed');
    const customer = JSON.stringify((await customerView(filed.reference, filed.accessToken)).body);
    expect(customer).toContain('REJECT-REASON');
    expect(customer).toContain('CLOSE-REASON');
  });

  it('keeps the office’s litigation note inside the office', async () => {
    const filed = await investigatedCase(t);
    await admin(filed.reference, 'litigation', as.officer, {
      party: 'customer',
      note: 'LITIGATION-NOTE-the company lawyer phoned us',
    }).expect(200);
    const company = JSON.stringify((await companyView(filed.reference)).body);
    const customer = JSON.stringify((await customerView(filed.reference, filed.accessToken)).body);
    expect(company).not.toContain('LITIGATION-NOTE');
    expect(customer).not.toContain('LITIGATION-NOTE');
    const office = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}/timeline`)
      .set('authorization', as.officer)
      .expect(200);
    expect(JSON.stringify(office.body)).toContain('LITIGATION-NOTE');
  });

  it('refuses a note, a message or a question that is only spaces, naming the field', async () => {
    const filed = await investigatedCase(t);
    for (const [action, body, field] of [
      ['notes', { body: '   ' }, 'body'],
      ['messages', { to: 'customer', body: '\n\t' }, 'body'],
      ['information-requests', { party: 'company', question: '\u3000' }, 'question'],
    ] as const) {
      const res = await admin(filed.reference, action, as.officer, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    await t
      .http()
      .post(`/v1/escalations/${filed.reference}/messages`)
      .set('authorization', `Bearer ${filed.accessToken}`)
      .send({ body: ' ' })
      .expect(400);
  });

  it('shows a message to the customer only to the customer, and one to the company only to the company', async () => {
    const filed = await investigatedCase(t);
    await admin(filed.reference, 'messages', as.officer, {
      to: 'customer',
      body: 'TO-CUSTOMER-1',
    }).expect(201);
    await admin(filed.reference, 'messages', as.officer, {
      to: 'company',
      body: 'TO-COMPANY-1',
    }).expect(201);
    const customer = JSON.stringify((await customerView(filed.reference, filed.accessToken)).body);
    const company = JSON.stringify((await companyView(filed.reference)).body);
    expect(customer).toContain('TO-CUSTOMER-1');
    expect(customer).not.toContain('TO-COMPANY-1');
    expect(company).toContain('TO-COMPANY-1');
    expect(company).not.toContain('TO-CUSTOMER-1');
  });

  it('answers a note, a message and a company response with 201 and the created entry’s id', async () => {
    const filed = await investigatedCase(t);
    const note = await admin(filed.reference, 'notes', as.officer, { body: 'Checked' }).expect(201);
    expect(note.body).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      reference: filed.reference,
      type: 'note.internal',
      body: 'Checked',
      at: expect.any(String),
    });
    const message = await admin(filed.reference, 'messages', as.officer, {
      to: 'company',
      body: 'Ledger please',
    }).expect(201);
    expect(message.body).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      type: 'message.to_company',
      to: 'company',
      body: 'Ledger please',
    });
    const response = await t
      .http()
      .post(`/v1/frontline/cases/${filed.reference}/responses`)
      .set('authorization', as.agent)
      .send({ body: 'Ledger attached' })
      .expect(201);
    expect(response.body).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      reference: filed.reference,
      body: 'Ledger attached',
      receivedAt: expect.any(String),
      answeredInformationRequestId: null,
    });
    const timeline = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}/timeline`)
      .set('authorization', as.auditor)
      .expect(200);
    const byId = new Map(
      timeline.body.items.map((e: { id: string; type: string; body: string }) => [e.id, e]),
    );
    expect(byId.get(note.body.id)).toMatchObject({ type: 'note.internal', body: 'Checked' });
    expect(byId.get(message.body.id)).toMatchObject({ type: 'message.to_company' });
    expect(byId.get(response.body.id)).toMatchObject({
      type: 'message.company',
      body: 'Ledger attached',
    });
  });

  it('marks the case as waiting on the customer until the customer answers', async () => {
    const filed = await investigatedCase(t);
    const asked = await admin(filed.reference, 'information-requests', as.officer, {
      party: 'customer',
      question: 'Please send the receipt.',
    }).expect(201);
    expect(asked.body).toMatchObject({ party: 'customer', status: 'open' });
    const waiting = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', as.officer)
      .expect(200);
    expect(waiting.body.waitingOnCustomer).toBe(true);
    const mine = await customerView(filed.reference, filed.accessToken);
    expect(mine.body.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'information_request.customer',
          body: 'Please send the receipt.',
        }),
      ]),
    );

    const answer = await t
      .http()
      .post(`/v1/escalations/${filed.reference}/messages`)
      .set('authorization', `Bearer ${filed.accessToken}`)
      .send({ body: 'Receipt 4471-22' })
      .expect(201);
    expect(answer.body.answeredInformationRequestId).toBe(asked.body.id);
    const after = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', as.officer)
      .expect(200);
    expect(after.body.waitingOnCustomer).toBe(false);
    expect(after.body.informationRequests[0]).toMatchObject({
      status: 'answered',
      answer: 'Receipt 4471-22',
    });
  });

  it('lets the company answer its information request, and shows it only requests addressed to it', async () => {
    const filed = await investigatedCase(t);
    const forCompany = await admin(filed.reference, 'information-requests', as.officer, {
      party: 'company',
      question: 'Send the October ledger.',
    }).expect(201);
    await admin(filed.reference, 'information-requests', as.officer, {
      party: 'customer',
      question: 'Your receipt?',
    }).expect(201);
    const view = await companyView(filed.reference);
    expect(view.body.informationRequests.map((r: { question: string }) => r.question)).toEqual([
      'Send the October ledger.',
    ]);

    const res = await t
      .http()
      .post(`/v1/frontline/cases/${filed.reference}/responses`)
      .set('authorization', as.integration)
      .send({ body: 'Ledger attached.', informationRequestId: forCompany.body.id })
      .expect(201);
    expect(res.body.answeredInformationRequestId).toBe(forCompany.body.id);
    const again = await t
      .http()
      .post(`/v1/frontline/cases/${filed.reference}/responses`)
      .set('authorization', as.agent)
      .send({ body: 'Twice?', informationRequestId: forCompany.body.id })
      .expect(409);
    expect(again.body.code).toBe('INFORMATION_REQUEST_NOT_OPEN');
  });

  it('lets the company state its position without a question', async () => {
    const filed = await investigatedCase(t);
    const res = await t
      .http()
      .post(`/v1/frontline/cases/${filed.reference}/responses`)
      .set('authorization', as.agent)
      .send({ body: 'We consider the deposit rightly withheld.' })
      .expect(201);
    expect(res.body.answeredInformationRequestId).toBeNull();
    const staffView = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}/timeline`)
      .set('authorization', as.auditor)
      .expect(200);
    expect(staffView.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'message.company',
          body: 'We consider the deposit rightly withheld.',
        }),
      ]),
    );
  });

  it('acknowledges the case when the office first writes to the customer', async () => {
    const filed = await fileCase(t);
    await admin(filed.reference, 'messages', as.officer, {
      to: 'customer',
      body: 'We have your case.',
    }).expect(201);
    const res = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', as.officer)
      .expect(200);
    expect(
      res.body.deadlines.find((d: { kind: string }) => d.kind === 'acknowledge').metAt,
    ).not.toBeNull();
  });

  it('refuses an information request with a due date in the past', async () => {
    const filed = await investigatedCase(t);
    await admin(filed.reference, 'information-requests', as.officer, {
      party: 'customer',
      question: 'Receipt?',
      dueAt: '2020-01-01T00:00:00Z',
    }).expect(400);
  });
});
