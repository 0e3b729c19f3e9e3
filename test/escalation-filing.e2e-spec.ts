import { Writable } from 'node:stream';
import { createComplaint, fileCase, filingBody } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

describe('filing a dispute', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  it('answers 201 with a reference, a one-time access token, the status explained and the deadlines', async () => {
    const res = await t.http().post('/v1/escalations').send(filingBody()).expect(201);
    const year = new Date().getUTCFullYear();
    expect(res.body).toMatchObject({
      id: expect.any(String),
      reference: expect.stringMatching(new RegExp(`^OMB-${year}-\\d{6}$`)),
      accessToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      status: 'referred_to_frontline',
      statusText: expect.any(String),
      nextStep: expect.stringMatching(/\d{4}/),
      complaintReference: expect.stringMatching(/^CMP-\d{6}$/),
    });
    expect(res.body.deadlines.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'acknowledge',
      'frontline_response',
    ]);
  });

  it('stores only a hash of the access token', async () => {
    const filed = await fileCase(t);
    const rows = await t.dataSource.query(
      `SELECT encode(access_token_hash, 'hex') AS h FROM ombudsman_case WHERE reference = $1`,
      [filed.reference],
    );
    expect(rows[0].h).toHaveLength(64);
    const dump = JSON.stringify(await t.dataSource.query('SELECT * FROM ombudsman_case'));
    expect(dump).not.toContain(filed.accessToken);
  });

  it('opens a front-line complaint for a dispute that has none, and tells the customer its deadline', async () => {
    const filed = await fileCase(t);
    const complaintReference = filed.body.complaintReference as string;
    const agent = t.token('frontline_agent', 'agent-1');
    const complaint = await t
      .http()
      .get(`/v1/frontline/complaints/${complaintReference}`)
      .set('authorization', `Bearer ${agent}`)
      .expect(200);
    expect(complaint.body).toMatchObject({ subject: 'Refund refused', finalResponse: null });
    const deadline = (filed.body.deadlines as { kind: string; dueAt: string }[]).find(
      (d) => d.kind === 'frontline_response',
    );
    expect(deadline?.dueAt).toBe(complaint.body.responseDueAt);
  });

  it('refers a dispute whose complaint is unanswered and still within its deadline', async () => {
    const complaintReference = await createComplaint(t);
    const filed = await fileCase(t, { complaintReference });
    expect(filed.status).toBe('referred_to_frontline');
    expect(filed.body.complaintReference).toBe(complaintReference);
  });

  it('takes a dispute after the front line gave its final response', async () => {
    const complaintReference = await createComplaint(t, { answeredDaysAgo: 10 });
    const filed = await fileCase(t, { complaintReference });
    expect(filed.status).toBe('submitted');
  });

  it('rejects a dispute brought more than six months after the final response, saying why', async () => {
    const complaintReference = await createComplaint(t, { answeredDaysAgo: 200 });
    const filed = await fileCase(t, { complaintReference });
    expect(filed.status).toBe('rejected');
    const [row] = await t.dataSource.query(
      'SELECT eligibility_reason FROM ombudsman_case WHERE reference = $1',
      [filed.reference],
    );
    expect(row.eligibility_reason).toBe('out_of_time');
  });

  it('takes a dispute whose front-line deadline passed without an answer', async () => {
    const complaintReference = await createComplaint(t, { receivedDaysAgo: 30 });
    expect((await fileCase(t, { complaintReference })).status).toBe('submitted');
  });

  it('answers an unknown complaint reference with 422 and a clear message, and files nothing', async () => {
    const before = await count('ombudsman_case');
    const res = await t
      .http()
      .post('/v1/escalations')
      .send(filingBody({ complaintReference: 'CMP-999999' }))
      .expect(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'COMPLAINT_REFERENCE_UNKNOWN',
      detail: expect.stringContaining('CMP-999999'),
    });
    expect(await count('ombudsman_case')).toBe(before);
  });

  it('writes the case, its first timeline entry, an audit entry and a case.submitted event together', async () => {
    const filed = await fileCase(t);
    const [c] = await t.dataSource.query('SELECT id FROM ombudsman_case WHERE reference = $1', [
      filed.reference,
    ]);
    const timeline = await t.dataSource.query(
      'SELECT type FROM case_timeline_entry WHERE case_id = $1',
      [c.id],
    );
    const audit = await t.dataSource.query('SELECT action FROM audit_entry WHERE chain_key = $1', [
      c.id,
    ]);
    const events = await t.dataSource.query(
      'SELECT type FROM outbox_event WHERE aggregate_id = $1',
      [filed.reference],
    );
    expect(timeline).toEqual([{ type: 'case.submitted' }]);
    expect(audit).toEqual([{ action: 'case.submitted' }]);
    expect(events).toEqual([{ type: 'case.submitted' }]);
  });

  it('numbers concurrent filings uniquely', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => fileCase(t)));
    expect(new Set(results.map((r) => r.reference)).size).toBe(12);
  });

  it.each([
    ['a missing name', { customer: { email: 'anna@example.org' } }, 'customer.name'],
    ['customer given as a list', { customer: [] }, 'customer'],
    ['a bad email', { customer: { name: 'Anna', email: 'not-an-email' } }, 'customer.email'],
    ['a missing subject', { subject: undefined }, 'subject'],
    ['a description of only spaces', { description: ' \n\t ' }, 'description'],
    [
      'a name of only an ideographic space',
      { customer: { name: '\u3000', email: 'a@example.org' } },
      'customer.name',
    ],
    ['an over-long subject', { subject: 'x'.repeat(201) }, 'subject'],
    [
      'an unknown currency',
      { amountInDispute: { amountMinor: 100, currency: 'XXY' } },
      'amountInDispute.currency',
    ],
    [
      'a fractional amount',
      { amountInDispute: { amountMinor: 10.5, currency: 'EUR' } },
      'amountInDispute.amountMinor',
    ],
    [
      'a negative amount',
      { amountInDispute: { amountMinor: -1, currency: 'EUR' } },
      'amountInDispute.amountMinor',
    ],
    ['an unsupported language', { preferredLanguage: 'de' }, 'preferredLanguage'],
    ['an unknown category', { category: 'weather' }, 'category'],
    ['an unknown field', { favouriteColour: 'blue' }, 'favouriteColour'],
    ['a malformed complaint reference', { complaintReference: 'ABC' }, 'complaintReference'],
  ])('refuses %s with 400 naming the field, and files nothing', async (_what, override, field) => {
    const before = await count('ombudsman_case');
    const res = await t.http().post('/v1/escalations').send(filingBody(override)).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await count('ombudsman_case')).toBe(before);
  });

  it('accepts a filing with only name, email, subject and description, filed under "other"', async () => {
    const res = await t
      .http()
      .post('/v1/escalations')
      .send({
        customer: { name: 'Anna Petrova', email: 'anna@example.org' },
        subject: 'Refund refused',
        description: 'The deposit was never refunded.',
      })
      .expect(201);
    const [row] = await t.dataSource.query(
      'SELECT category, language FROM ombudsman_case WHERE reference = $1',
      [res.body.reference],
    );
    expect(row).toEqual({ category: 'other', language: 'en' });
  });

  it('refuses a category given as null rather than guessing one', async () => {
    const res = await t
      .http()
      .post('/v1/escalations')
      .send(filingBody({ category: null }))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('category');
  });

  it.each([
    ['preferredLanguage', { preferredLanguage: null }],
    ['desiredOutcome', { desiredOutcome: null }],
    ['complaintReference', { complaintReference: null }],
    ['amountInDispute', { amountInDispute: null }],
  ])(
    'refuses %s given as null, as the document says no field is nullable',
    async (field, patch) => {
      const res = await t.http().post('/v1/escalations').send(filingBody(patch)).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    },
  );

  it('refuses a customer number given as null', async () => {
    const body = filingBody();
    const res = await t
      .http()
      .post('/v1/escalations')
      .send({ ...body, customer: { ...(body.customer as object), customerNumber: null } })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(
      'customer.customerNumber',
    );
  });

  it('accepts any Unicode in texts, Chinese and Russian included', async () => {
    const filed = await fileCase(t, {
      subject: '退款被拒绝 — отказ в возврате',
      preferredLanguage: 'zh',
    });
    const [row] = await t.dataSource.query(
      'SELECT subject FROM ombudsman_case WHERE reference = $1',
      [filed.reference],
    );
    expect(row.subject).toBe('退款被拒绝 — отказ в возврате');
    expect(filed.body.statusText).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('a filing that fails half-way', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // The last write of a filing is its event: make it fail, after everything else was written.
    await t.dataSource.query(`
      CREATE FUNCTION fail_case_submitted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated failure'; END $$`);
    await t.dataSource.query(`
      CREATE TRIGGER tr_fail_case_submitted BEFORE INSERT ON outbox_event
      FOR EACH ROW WHEN (NEW.type = 'case.submitted') EXECUTE FUNCTION fail_case_submitted()`);
  });
  afterAll(() => t.close());

  it('answers 500 without internals and leaves no case, complaint, timeline, deadline or audit row', async () => {
    const res = await t.http().post('/v1/escalations').send(filingBody()).expect(500);
    expect(JSON.stringify(res.body)).not.toMatch(/simulated|outbox|trigger/);
    for (const table of [
      'ombudsman_case',
      'frontline_complaint',
      'case_timeline_entry',
      'case_deadline',
      'audit_entry',
    ]) {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, n }).toEqual({ table, n: 0 });
    }
  });
});

describe('a filing that the database refuses after it has seen the customer', () => {
  let t: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    t = await startTestApp({ logStream });
    // PostgreSQL puts a refused row's values in an error's detail, as a unique violation does.
    await t.dataSource.query(`
      CREATE FUNCTION fail_case_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'simulated failure'
          USING DETAIL = format('Failing row contains (%s, %s).', NEW.customer_name, NEW.customer_email);
      END $$`);
    await t.dataSource.query(`
      CREATE TRIGGER tr_fail_case_insert BEFORE INSERT ON ombudsman_case
      FOR EACH ROW EXECUTE FUNCTION fail_case_insert()`);
  });
  afterAll(() => t.close());

  it('logs the failure with its correlation id, but never the customer, the SQL or its parameters', async () => {
    const body = filingBody({
      customer: { name: 'Zinaida Logtest', email: 'zinaida.logtest@example.org' },
      description: 'A description that must stay out of the logs 7f3a.',
    });
    const res = await t.http().post('/v1/escalations').send(body).expect(500);
    const correlationId: string = res.body.correlationId;
    expect(correlationId).toBe(res.headers['x-request-id']);
    const failure = logLines.find((line) => line.includes('"err":'));
    expect(failure).toBeDefined();
    expect(JSON.parse(failure as string)).toMatchObject({
      level: 50,
      requestId: correlationId,
      err: { type: 'QueryFailedError', message: 'simulated failure', code: 'P0001' },
    });
    const logged = logLines.join('\n');
    expect(logged).toContain(correlationId);
    expect(logged).not.toMatch(/Zinaida|zinaida\.logtest|7f3a|Failing row|INSERT INTO/);
  });
});
