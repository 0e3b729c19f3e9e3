import { filingBody } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

/** A front-line complaint of one customer, answered 10 days ago (so a filing would be taken). */
async function complaintOf(
  t: TestApp,
  customer: { name: string; email: string; customerNumber?: string },
): Promise<string> {
  const agent = `Bearer ${t.token('frontline_agent', 'agent-7', 'Fred Frontline')}`;
  const created = await t
    .http()
    .post('/v1/frontline/complaints')
    .set('authorization', agent)
    .send({ customer, subject: 'Deposit not refunded', description: 'Returned goods.' })
    .expect(201);
  const reference: string = created.body.reference;
  await t
    .http()
    .post(`/v1/frontline/complaints/${reference}/final-response`)
    .set('authorization', agent)
    .send({ text: 'We cannot refund the deposit.' })
    .expect(201);
  return reference;
}

describe('linking a filing to a front-line complaint', () => {
  let t: TestApp;
  let bobsComplaint: string;
  beforeAll(async () => {
    t = await startTestApp();
    bobsComplaint = await complaintOf(t, {
      name: 'Bob Builder',
      email: 'Bob.Builder@example.com',
      customerNumber: 'C-2001',
    });
  });
  afterAll(() => t.close());

  const caseCount = async () =>
    Number((await t.dataSource.query('SELECT count(*)::int AS n FROM ombudsman_case'))[0].n);

  const file = (customer: Record<string, string>, complaintReference: string) =>
    t
      .http()
      .post('/v1/escalations')
      .send(filingBody({ customer: { name: 'Someone', ...customer }, complaintReference }));

  it('links the complaint when the filer’s e-mail matches it, whatever its letter case', async () => {
    const res = await file({ email: 'BOB.builder@EXAMPLE.com' }, bobsComplaint).expect(201);
    expect(res.body).toMatchObject({ complaintReference: bobsComplaint, status: 'submitted' });
  });

  it('links the complaint when the filer’s customer number matches it, under another e-mail', async () => {
    const res = await file(
      { email: 'bob@elsewhere.example', customerNumber: 'C-2001' },
      bobsComplaint,
    ).expect(201);
    expect(res.body.complaintReference).toBe(bobsComplaint);
  });

  it('answers a stranger who names another customer’s complaint exactly as for an unknown reference, and files nothing', async () => {
    const before = await caseCount();
    const stranger = { email: 'mallory@example.net', customerNumber: 'C-6666' };
    const foreign = await file(stranger, bobsComplaint).expect(422);
    const unknown = await file(stranger, 'CMP-999999').expect(422);
    const normalised = (body: Record<string, unknown>, reference: string) =>
      JSON.parse(JSON.stringify(body).split(reference).join('CMP-REFERENCE')) as unknown;
    expect(normalised(foreign.body, bobsComplaint)).toEqual(normalised(unknown.body, 'CMP-999999'));
    expect(foreign.headers['content-type']).toBe(unknown.headers['content-type']);
    expect(foreign.body.code).toBe('COMPLAINT_REFERENCE_UNKNOWN');
    expect(JSON.stringify(foreign.body)).not.toMatch(/\d{4}-\d{2}-\d{2}|Bob|example\.com/);
    expect(await caseCount()).toBe(before);
  });

  it('does not let a blank customer number match a complaint whose number is blank or missing', async () => {
    const none = await complaintOf(t, { name: 'Carol', email: 'carol@example.org' });
    const blank = await complaintOf(t, {
      name: 'Dan',
      email: 'dan@example.org',
      customerNumber: ' ',
    });
    for (const reference of [none, blank]) {
      for (const customerNumber of ['', ' ']) {
        await file({ email: 'eve@example.net', customerNumber }, reference).expect(422);
      }
    }
  });
});
