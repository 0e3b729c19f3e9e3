import { addMonths } from '../src/cases/eligibility';
import { formatCustomerDate, Language } from '../src/views/texts/customer-texts';
import { staff, submittedCase } from './support/cases';
import { createComplaint, fileCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

describe('the customer’s side of a case', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const asCustomer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('shows the customer view with status, next step, deadlines and the visible timeline', async () => {
    const filed = await fileCase(t);
    const res = await t
      .http()
      .get(`/v1/escalations/${filed.reference}`)
      .set(asCustomer(filed.accessToken))
      .expect(200);
    expect(res.body).toMatchObject({
      reference: filed.reference,
      status: 'referred_to_frontline',
      outcome: null,
      statusText: expect.any(String),
      nextStep: expect.any(String),
      handler: null,
      proposals: [],
      decision: null,
      remedies: [],
    });
    expect(res.body.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'frontline_response',
          party: 'company',
          paused: false,
          breached: false,
          metAt: null,
        }),
      ]),
    );
    expect(res.body.timeline).toEqual([
      expect.objectContaining({ type: 'case.submitted', by: 'you' }),
    ]);
  });

  it.each([
    ['ru', /[А-Яа-яЁё]/, /\d{4}/],
    ['zh', /[\u4e00-\u9fff]/, /\d{4}年/],
    ['en', /[A-Za-z]/, /\d{4}/],
  ])('speaks to the customer in %s, dates included', async (language, script, date) => {
    const filed = await fileCase(t, { preferredLanguage: language });
    const res = await t
      .http()
      .get(`/v1/escalations/${filed.reference}`)
      .set(asCustomer(filed.accessToken))
      .expect(200);
    expect(res.body.statusText).toMatch(script);
    expect(res.body.nextStep).toMatch(script);
    expect(res.body.nextStep).toMatch(date);
  });

  it('needs the access token: without one, 401', async () => {
    const filed = await fileCase(t);
    const res = await t.http().get(`/v1/escalations/${filed.reference}`).expect(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('answers 404 for a wrong token, so the case’s existence leaks nothing', async () => {
    const filed = await fileCase(t);
    await t
      .http()
      .get(`/v1/escalations/${filed.reference}`)
      .set(asCustomer('x'.repeat(43)))
      .expect(404);
  });

  it('answers 404 when one case’s token is used on another case', async () => {
    const mine = await fileCase(t);
    const theirs = await fileCase(t);
    await t
      .http()
      .get(`/v1/escalations/${theirs.reference}`)
      .set(asCustomer(mine.accessToken))
      .expect(404);
    await t
      .http()
      .post(`/v1/escalations/${theirs.reference}/withdraw`)
      .set(asCustomer(mine.accessToken))
      .send({})
      .expect(404);
  });

  it('does not take a staff JWT as a case token', async () => {
    const filed = await fileCase(t);
    await t
      .http()
      .get(`/v1/escalations/${filed.reference}`)
      .set(asCustomer(t.token('ombudsman')))
      .expect(404);
  });

  it('answers 404 for a reference that does not exist', async () => {
    const filed = await fileCase(t);
    await t
      .http()
      .get('/v1/escalations/OMB-2026-999999')
      .set(asCustomer(filed.accessToken))
      .expect(404);
  });

  it('takes a customer message and shows it to staff on the timeline', async () => {
    const filed = await fileCase(t);
    await t
      .http()
      .post(`/v1/escalations/${filed.reference}/messages`)
      .set(asCustomer(filed.accessToken))
      .send({ body: 'Номер чека: 4471-22' })
      .expect(201);
    const staff = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', `Bearer ${t.token('ombudsman_officer')}`)
      .expect(200);
    expect(staff.body.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'message.customer', body: 'Номер чека: 4471-22' }),
      ]),
    );
    const mine = await t
      .http()
      .get(`/v1/escalations/${filed.reference}`)
      .set(asCustomer(filed.accessToken))
      .expect(200);
    expect(mine.body.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'message.customer',
          by: 'you',
          body: 'Номер чека: 4471-22',
        }),
      ]),
    );
  });

  it('withdraws an open case, which then closes as withdrawn', async () => {
    const filed = await fileCase(t);
    const res = await t
      .http()
      .post(`/v1/escalations/${filed.reference}/withdraw`)
      .set(asCustomer(filed.accessToken))
      .send({ reason: 'Solved directly with the shop' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'closed', outcome: 'withdrawn' });
    const events = await t.dataSource.query(
      `SELECT type, payload FROM outbox_event WHERE aggregate_id = $1 ORDER BY position`,
      [filed.reference],
    );
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'case.submitted',
      'case.status_changed',
    ]);
  });

  it('withdraws without any body as well', async () => {
    const filed = await fileCase(t);
    await t
      .http()
      .post(`/v1/escalations/${filed.reference}/withdraw`)
      .set(asCustomer(filed.accessToken))
      .expect(200);
  });

  it('lets exactly one of ten simultaneous withdrawals win', async () => {
    const filed = await fileCase(t);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t
          .http()
          .post(`/v1/escalations/${filed.reference}/withdraw`)
          .set(asCustomer(filed.accessToken))
          .send({}),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([
      200, 409, 409, 409, 409, 409, 409, 409, 409, 409,
    ]);
  });
});

describe('what the customer may not do to a case', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (reference: string, action: string, token: string | null, body?: object) => {
    const req = t.http().post(`/v1/escalations/${reference}/${action}`);
    if (token !== null) void req.set('authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body);
  };

  /** The case as it was filed: still referred, with its one timeline entry. */
  async function expectUntouched(reference: string) {
    const [row] = await t.dataSource.query(
      `SELECT c.status, count(e.id)::int AS entries
         FROM ombudsman_case c JOIN case_timeline_entry e ON e.case_id = c.id
        WHERE c.reference = $1 GROUP BY c.status`,
      [reference],
    );
    expect(row).toEqual({ status: 'referred_to_frontline', entries: 1 });
  }

  describe.each(['messages', 'withdraw'])('POST …/%s', (action) => {
    const valid = action === 'messages' ? { body: 'Any news?' } : { reason: 'Sorted out.' };

    it('needs the access token: without one, 401 with WWW-Authenticate', async () => {
      const filed = await fileCase(t);
      const res = await post(filed.reference, action, null, valid).expect(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      await expectUntouched(filed.reference);
    });

    it('answers 404 for a wrong token', async () => {
      const filed = await fileCase(t);
      await post(filed.reference, action, 'x'.repeat(43), valid).expect(404);
      await expectUntouched(filed.reference);
    });

    it('answers 404 for another case’s token, and leaves both cases alone', async () => {
      const mine = await fileCase(t);
      const theirs = await fileCase(t);
      await post(theirs.reference, action, mine.accessToken, valid).expect(404);
      await expectUntouched(theirs.reference);
      await expectUntouched(mine.reference);
    });

    it('answers 404 for a staff JWT', async () => {
      const filed = await fileCase(t);
      await post(filed.reference, action, t.token('ombudsman'), valid).expect(404);
      await expectUntouched(filed.reference);
    });
  });

  it.each([
    ['no body field', {}, 'body'],
    ['an empty message', { body: '' }, 'body'],
    ['a message that is not text', { body: 42 }, 'body'],
    ['an over-long message', { body: 'x'.repeat(10_001) }, 'body'],
    ['an unknown field', { body: 'hi', to: 'company' }, 'to'],
  ])('refuses a message with %s: 400 naming the field', async (_what, body, field) => {
    const filed = await fileCase(t);
    const res = await post(filed.reference, 'messages', filed.accessToken, body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    await expectUntouched(filed.reference);
  });

  it.each([
    ['an unknown field', { reason: 'Sorted out.', outcome: 'upheld' }, 'outcome'],
    ['an over-long reason', { reason: 'x'.repeat(2001) }, 'reason'],
    ['a reason that is not text', { reason: ['a'] }, 'reason'],
  ])('refuses a withdrawal with %s: 400 naming the field', async (_what, body, field) => {
    const filed = await fileCase(t);
    const res = await post(filed.reference, 'withdraw', filed.accessToken, body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    await expectUntouched(filed.reference);
  });

  it('refuses a second withdrawal with 409 naming the current status, and records it once', async () => {
    const filed = await fileCase(t);
    await post(filed.reference, 'withdraw', filed.accessToken, {}).expect(200);
    const res = await post(filed.reference, 'withdraw', filed.accessToken, {}).expect(409);
    expect(res.body).toMatchObject({
      status: 409,
      code: 'CASE_INVALID_TRANSITION',
      currentStatus: 'closed',
    });
    const events = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event
        WHERE aggregate_id = $1 AND type = 'case.status_changed'`,
      [filed.reference],
    );
    expect(events).toEqual([{ n: 1 }]);
  });
});

describe('why a case is refused or with the company first, told to the customer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const view = (reference: string, token: string) =>
    t
      .http()
      .get(`/v1/escalations/${reference}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);

  const LANGS: Language[] = ['en', 'ru', 'zh'];
  const MONTHS: Record<Language, string> = { en: '6 months', ru: '6 месяцев', zh: '6个月' };

  it.each(LANGS)(
    'tells a customer refused as out of time in %s when the company answered, the last day and when they came',
    async (language) => {
      const complaintReference = await createComplaint(t, { answeredDaysAgo: 200 });
      const filed = await fileCase(t, { complaintReference, preferredLanguage: language });
      expect(filed.status).toBe('rejected');
      const [row] = await t.dataSource.query(
        `SELECT c.final_response_at AS "answeredAt", o.created_at AS "filedAt"
           FROM frontline_complaint c JOIN ombudsman_case o ON o.complaint_reference = c.reference
          WHERE o.reference = $1`,
        [filed.reference],
      );
      const expected = [
        complaintReference,
        MONTHS[language],
        formatCustomerDate(language, row.answeredAt),
        formatCustomerDate(language, addMonths(row.answeredAt, 6)),
        formatCustomerDate(language, row.filedAt),
      ];
      const seen = await view(filed.reference, filed.accessToken);
      for (const text of [filed.body.explanation, seen.body.explanation] as string[]) {
        for (const part of expected) expect(text).toContain(part);
      }
      expect(seen.body.explanation).toBe(filed.body.explanation);
      expect(seen.body.nextStep).not.toMatch(/message to you|нашем сообщении|发给您的消息/);
    },
  );

  it.each([
    ['en', /not told us about a complaint you made to the company.*complaint CMP-\d{6}/],
    ['ru', /не сообщили нам о жалобе.*как жалобу CMP-\d{6}/],
    ['zh', /没有告诉我们您曾向该公司投诉.*作为投诉CMP-\d{6}转交/],
  ] as const)(
    'tells a customer in %s who named no complaint that the company must answer first, and under which reference',
    async (language, words) => {
      const filed = await fileCase(t, { preferredLanguage: language });
      expect(filed.body.explanation).toMatch(words);
      expect(filed.body.explanation).toContain(filed.body.complaintReference);
      const seen = await view(filed.reference, filed.accessToken);
      expect(seen.body.explanation).toBe(filed.body.explanation);
    },
  );

  it.each(LANGS)(
    'tells a customer in %s whose complaint is still within its deadline until when the company has',
    async (language) => {
      const complaintReference = await createComplaint(t);
      const filed = await fileCase(t, { complaintReference, preferredLanguage: language });
      expect(filed.status).toBe('referred_to_frontline');
      const due = (filed.body.deadlines as { kind: string; dueAt: string }[]).find(
        (d) => d.kind === 'frontline_response',
      );
      const date = formatCustomerDate(language, new Date(due?.dueAt as string));
      expect(filed.body.explanation).toContain(date);
      expect(filed.body.explanation).toContain(complaintReference);
      expect((await view(filed.reference, filed.accessToken)).body.explanation).toBe(
        filed.body.explanation,
      );
    },
  );

  it('keeps explaining a refusal for lateness once the refused case is closed', async () => {
    const complaintReference = await createComplaint(t, { answeredDaysAgo: 200 });
    const filed = await fileCase(t, { complaintReference });
    await t
      .http()
      .post(`/v1/admin/cases/${filed.reference}/close`)
      .set('authorization', staff(t).officer)
      .send({ outcome: 'rejected', reason: 'Closing the refused case.' })
      .expect(200);
    const seen = await view(filed.reference, filed.accessToken);
    expect(seen.body).toMatchObject({ status: 'closed', outcome: 'rejected' });
    expect(seen.body.explanation).toBe(filed.body.explanation);
    expect(seen.body.explanation).toContain(complaintReference);
  });

  it('gives no explanation while a case waits for triage', async () => {
    const filed = await submittedCase(t);
    expect(filed.body.explanation).toBeNull();
    expect((await view(filed.reference, filed.accessToken)).body.explanation).toBeNull();
  });

  it('passes on the reason the officer gave when refusing a case at triage, also once it is closed', async () => {
    const filed = await submittedCase(t);
    const reason =
      'The company says you were never its customer; send us your contract if you were.';
    await t
      .http()
      .post(`/v1/admin/cases/${filed.reference}/triage`)
      .set('authorization', staff(t).officer)
      .send({ decision: 'reject', reason, rejectionCode: 'not_a_customer' })
      .expect(200);
    expect((await view(filed.reference, filed.accessToken)).body).toMatchObject({
      status: 'rejected',
      explanation: reason,
    });
    await t
      .http()
      .post(`/v1/admin/cases/${filed.reference}/close`)
      .set('authorization', staff(t).officer)
      .send({ outcome: 'rejected', reason: 'Closing the refused case.' })
      .expect(200);
    expect((await view(filed.reference, filed.accessToken)).body).toMatchObject({
      status: 'closed',
      outcome: 'rejected',
      explanation: reason,
    });
  });
});

describe('staff reading a case', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(['ombudsman_officer', 'ombudsman', 'auditor'] as const)(
    'lets %s read the full case with its version as ETag',
    async (role) => {
      const filed = await fileCase(t);
      const res = await t
        .http()
        .get(`/v1/admin/cases/${filed.reference}`)
        .set('authorization', `Bearer ${t.token(role)}`)
        .expect(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        reference: filed.reference,
        version: 1,
        customer: { name: 'Анна Петрова', email: 'anna@example.org' },
        amountInDispute: { amountMinor: 12550, currency: 'EUR' },
      });
    },
  );

  it.each(['frontline_agent', 'integration'] as const)('refuses %s with 403', async (role) => {
    const filed = await fileCase(t);
    await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', `Bearer ${t.token(role)}`)
      .expect(403);
  });

  it('refuses a customer’s case token with 401', async () => {
    const filed = await fileCase(t);
    await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', `Bearer ${filed.accessToken}`)
      .expect(401);
  });

  it('answers 404 for an unknown case', async () => {
    await t
      .http()
      .get('/v1/admin/cases/OMB-2026-999999')
      .set('authorization', `Bearer ${t.token('auditor')}`)
      .expect(404);
  });
});
