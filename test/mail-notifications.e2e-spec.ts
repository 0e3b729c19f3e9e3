import { SlaSweep } from '../src/sla/sweep/sla-sweep';
import { investigatedCase, staff, submittedCase } from './support/cases';
import { fileCase } from './support/filing';
import { drainMail, notificationsOf } from './support/mail';
import { REFUND, routes, sql } from './support/resolution';
import { ReceivedMail, startSmtpSink, SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

const COMPANY = ['claims@company.example', 'legal@company.example'];

const subjects = (mails: ReceivedMail[]) => mails.map((m) => m.parsed.subject ?? '').sort();
const about = (mails: ReceivedMail[], words: string) => {
  const found = mails.find((m) => m.parsed.subject?.includes(words));
  if (!found) throw new Error(`no message about "${words}"`);
  return found;
};

describe('mail to the customer and the company', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let as: ReturnType<typeof staff>;
  let r: ReturnType<typeof routes>;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      env: {
        SMTP_URL: sink.url,
        MAIL_FROM: 'Ombudsman <office@ombudsman.example>',
        PUBLIC_BASE_URL: 'https://ombudsman.example',
        COMPANY_NOTIFY_EMAIL: COMPANY.join(', '),
        COMPANY_NOTIFY_LANGUAGE: 'ru',
      },
    });
    as = staff(t);
    r = routes(t);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const mailOf = (address: string, reference: string) =>
    sink.to(address).filter((m) => m.parsed.subject?.includes(reference));

  it('a filing referred to the front line tells the customer in Russian and the company at each address', async () => {
    const filed = await fileCase(t, {
      preferredLanguage: 'ru',
      customer: { name: 'Анна', email: 'Anna.Ru@example.org' },
    });
    expect(filed.status).toBe('referred_to_frontline');
    await drainMail(t);

    const customer = mailOf('anna.ru@example.org', filed.reference);
    expect(subjects(customer)).toEqual(
      [
        `Дело ${filed.reference}: ваша жалоба получена`,
        `Дело ${filed.reference}: сначала ответит компания`,
      ].sort(),
    );
    const received = about(customer, 'получена');
    expect(received.parsed.text).toContain('Здравствуйте, Анна!');
    expect(received.parsed.html).toContain(`https://ombudsman.example/cases/${filed.reference}`);
    expect(received.parsed.headers.get('content-language')).toBe('ru');
    expect(about(customer, 'сначала').parsed.text).toContain(
      'компания ещё не имела возможности ответить',
    );
    for (const address of COMPANY) {
      const company = mailOf(address, filed.reference);
      expect(company.map((m) => m.parsed.subject)).toEqual([
        `Дело ${filed.reference}: жалоба направлена вам`,
      ]);
      expect(company[0].parsed.text).toContain(
        `https://ombudsman.example/company/cases/${filed.reference}`,
      );
      // The company reads neither the customer's name nor their subject line.
      expect(company[0].raw).not.toContain('Refund refused');
    }

    const sent = await notificationsOf(t, filed.reference);
    expect(sent).toHaveLength(4);
    expect(sent.every((n) => n.status === 'sent' && n.attempts === 1 && n.sentAt)).toBe(true);
    expect(sent.map((n) => n.messageId)).toContain(received.parsed.messageId);
    const timeline = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}/timeline`)
      .set('authorization', as.auditor)
      .expect(200);
    const notified = (timeline.body.items ?? timeline.body).filter(
      (e: { type: string }) => e.type === 'customer.notified',
    );
    expect(notified).toHaveLength(2);
  });

  it('the customer and the company each see when they were told, and what about, and nothing of the other', async () => {
    const filed = await fileCase(t, {
      preferredLanguage: 'en',
      customer: { name: 'Nora', email: 'nora@example.org' },
    });
    await drainMail(t);
    const sent = await notificationsOf(t, filed.reference);
    // Each entry is written as its batch is settled, just after the SMTP server took the message.
    const toldAfterSending = (entries: { at: string }[], audience: string) => {
      const times = sent.filter((n) => n.audience === audience).map((n) => Date.parse(n.sentAt!));
      expect(entries).toHaveLength(times.length);
      for (const entry of entries) {
        const at = Date.parse(entry.at);
        expect(times.some((time) => at >= time && at - time < 5_000)).toBe(true);
      }
    };

    const customer = await r.view(filed.reference, filed.accessToken).expect(200);
    const toCustomer = customer.body.timeline.filter(
      (e: { type: string }) => e.type === 'customer.notified',
    );
    toldAfterSending(toCustomer, 'customer');
    expect(toCustomer.map((e: { body: string }) => e.body).sort()).toEqual(
      [
        `Case ${filed.reference}: the company answers first`,
        `Case ${filed.reference}: we have received your complaint`,
      ].sort(),
    );
    expect(toCustomer[0].text).toMatch(/We e-mailed you/);
    expect(JSON.stringify(customer.body)).not.toContain('company.notified');

    const company = await t
      .http()
      .get(`/v1/frontline/cases/${filed.reference}`)
      .set('authorization', as.agent)
      .expect(200);
    const toCompany = company.body.messages.filter(
      (e: { type: string }) => e.type === 'company.notified',
    );
    toldAfterSending(toCompany, 'company');
    expect(toCompany[0].body).toBe(`Дело ${filed.reference}: жалоба направлена вам`);
    expect(JSON.stringify(company.body)).not.toContain('customer.notified');

    const audit = await r.admin('get', filed.reference, '/audit', as.auditor).expect(200);
    const mailed = audit.body.entries.filter((e: { action: string }) => e.action === 'mail.sent');
    expect(mailed.map((e: { after: { recipient: string } }) => e.after.recipient).sort()).toEqual(
      ['nora@example.org', 'nora@example.org', ...COMPANY].sort(),
    );
    expect(audit.body.intact).toBe(true);
  });

  it('takes a case from acceptance to closure, telling each party what to do and by when, never an internal note', async () => {
    const filed = await investigatedCase(t);
    const ref = filed.reference;
    const secret = 'INTERNAL: the agent admitted the mistake';
    await r.admin('post', ref, '/notes', as.officer, { body: secret }).expect(201);
    await r
      .admin('post', ref, '/information-requests', as.officer, {
        party: 'customer',
        question: 'When did you return the goods?',
      })
      .expect(201);
    await r
      .admin('post', ref, '/information-requests', as.officer, {
        party: 'company',
        question: 'Show the deposit ledger.',
      })
      .expect(201);
    await r
      .admin('post', ref, '/decision', as.ombudsman, {
        finding: 'upheld',
        reasoning: 'The contract allows no deduction.',
        remedies: [REFUND],
      })
      .expect(201);
    const accepted = await r.customer(ref, '/decision/accept', filed.accessToken).expect(200);
    await r
      .company(ref, `/remedies/${accepted.body.remedies[0].id}/fulfilment`, as.integration, {
        paymentReference: 'PAY-1',
        note: 'Paid by transfer',
        fulfilledAt: new Date().toISOString(),
      })
      .expect(200);
    await drainMail(t);

    const customer = mailOf('anna@example.org', ref);
    expect(subjects(customer)).toEqual(
      [
        `Case ${ref}: we have received your complaint`,
        `Case ${ref}: we have taken on your complaint`,
        `Case ${ref}: we need information from you`,
        `Case ${ref}: the ombudsman’s decision`,
        `Case ${ref}: the company reports a remedy as done`,
        `Case ${ref}: your case is closed`,
      ].sort(),
    );
    expect(about(customer, 'taken on').parsed.text).toContain('Within time, front line answered.');
    expect(about(customer, 'information').parsed.text).toMatch(/answer it by \d+ \w+ \d{4}/);
    expect(about(customer, 'decision').parsed.text).toMatch(/decided your complaint: upheld/);
    expect(about(customer, 'decision').parsed.text).toMatch(/accept or reject it by \d+ \w+ \d{4}/);
    expect(about(customer, 'closed').parsed.text).toContain('rate our service');
    expect(subjects(mailOf(COMPANY[0], ref))).toEqual(
      [`Дело ${ref}: омбудсмен запрашивает информацию`, `Дело ${ref}: решение омбудсмена`].sort(),
    );
    for (const mail of [...customer, ...mailOf(COMPANY[0], ref)]) {
      expect(mail.raw).not.toContain('INTERNAL');
      expect(mail.raw).not.toContain(filed.accessToken);
    }
  });

  it('reminds the customer before an answer is due and the company before a remedy is, and only while still owed', async () => {
    const DAY = 86_400_000;
    const waiting = await investigatedCase(t);
    const answered = await investigatedCase(t);
    await r
      .admin('post', waiting.reference, '/information-requests', as.officer, {
        party: 'customer',
        question: 'Receipt?',
        dueAt: new Date(Date.now() + 10 * DAY).toISOString(),
      })
      .expect(201);
    for (const filed of [waiting, answered]) {
      await r
        .admin('post', filed.reference, '/decision', as.ombudsman, {
          finding: 'partially_upheld',
          reasoning: 'Part of the deposit was owed.',
          remedies: [REFUND],
        })
        .expect(201);
    }
    await r.customer(answered.reference, '/decision/accept', answered.accessToken).expect(200);
    await drainMail(t);
    const before = sink.received.length;
    // The sweep runs a week on (the information reminder, three days before it is due) and at
    // the decision's reminder time, by when the information request's own date has passed.
    await drainMail(t, new Date(Date.now() + 7 * DAY + 3_600_000));
    await drainMail(t, new Date(Date.now() + 23 * DAY + 3_600_000));
    const reminders = sink.received.slice(before);
    expect(
      subjects(reminders.filter((m) => m.parsed.subject?.includes(waiting.reference))),
    ).toEqual(
      [
        expect.stringMatching(`^Reminder — Case ${waiting.reference}: answer the decision by`),
        expect.stringMatching(`^Reminder — Case ${waiting.reference}: your answer is due on`),
      ].sort(),
    );
    const toAnswered = reminders.filter((m) => m.parsed.subject?.includes(answered.reference));
    expect(toAnswered.map((m) => [m.to[0], m.parsed.subject])).toEqual(
      expect.arrayContaining([
        [COMPANY[0], expect.stringMatching(`^Дело ${answered.reference}: срок выполнения`)],
      ]),
    );
    expect(toAnswered.filter((m) => m.to.includes('anna@example.org'))).toHaveLength(0);
    const [moot] = await sql<{ outcome: string }>(
      t,
      `SELECT outcome FROM mail_reminder WHERE kind = 'decision_answer'
          AND case_id = (SELECT id FROM ombudsman_case WHERE reference = $1)`,
      [answered.reference],
    );
    expect(moot.outcome).toBe('moot');
    // A second sweep at the same time finds nothing more to send.
    const again = sink.received.length;
    await drainMail(t, new Date(Date.now() + 23 * DAY + 3_600_000));
    expect(sink.received.length).toBe(again);
  });

  it('speaks Chinese to a Chinese customer through a refusal, a proposal and its reminder, and tells the company of the proposal and of an overdue remedy', async () => {
    const DAY = 86_400_000;
    const wang = { name: '王芳', email: 'anna@example.org', customerNumber: 'C-1009' };
    const refused = await submittedCase(t, { preferredLanguage: 'zh', customer: wang });
    const reason = '公司表示您从未是其客户；如有合同，请寄给我们。';
    await r
      .admin('post', refused.reference, '/triage', as.officer, {
        decision: 'reject',
        reason,
        rejectionCode: 'not_a_customer',
      })
      .expect(200);
    const mediated = await investigatedCase(t, { preferredLanguage: 'zh', customer: wang });
    const proposal = await r
      .admin('post', mediated.reference, '/proposals', as.officer, {
        terms: 'The company refunds the deposit.',
        remedies: [REFUND],
        expiresAt: new Date(Date.now() + 14 * DAY).toISOString(),
      })
      .expect(201);
    await drainMail(t);

    const toRefused = mailOf(wang.email, refused.reference);
    expect(subjects(toRefused)).toEqual(
      [
        `案件 ${refused.reference}：我们已收到您的投诉`,
        `案件 ${refused.reference}：我们无法受理您的投诉`,
      ].sort(),
    );
    const refusal = about(toRefused, '无法受理');
    expect(refusal.parsed.text).toContain(reason);
    expect(refusal.parsed.headers.get('content-language')).toBe('zh');
    expect(mailOf(COMPANY[0], refused.reference)).toHaveLength(0);

    expect(subjects(mailOf(wang.email, mediated.reference))).toEqual(
      [
        `案件 ${mediated.reference}：我们已收到您的投诉`,
        `案件 ${mediated.reference}：我们已受理您的投诉`,
        `案件 ${mediated.reference}：和解方案`,
      ].sort(),
    );
    for (const address of COMPANY) {
      expect(subjects(mailOf(address, mediated.reference))).toEqual([
        `Дело ${mediated.reference}: предложение об урегулировании`,
      ]);
    }

    // Three days before the proposal lapses, the customer who has not answered is reminded.
    const before = sink.received.length;
    await drainMail(t, new Date(Date.now() + 11 * DAY + 3_600_000));
    expect(subjects(sink.received.slice(before))).toEqual([
      `提醒 — 案件 ${mediated.reference}：请答复和解方案`,
    ]);

    await r
      .customer(mediated.reference, `/proposals/${proposal.body.id}/accept`, mediated.accessToken)
      .expect(200);
    await r
      .company(mediated.reference, `/proposals/${proposal.body.id}/accept`, as.agent)
      .expect(200);
    // Found only once the remedy is overdue, its "due in 7 days" reminder is moot: the company
    // hears that the remedy is overdue, and nothing about a date already gone.
    const late = new Date(Date.now() + 400 * DAY);
    await t.app.get(SlaSweep).run(late);
    const beforeOverdue = sink.received.length;
    await drainMail(t, late);
    const overdue = sink.received
      .slice(beforeOverdue)
      .filter((m) => m.parsed.subject?.includes(mediated.reference));
    expect(overdue.map((m) => [m.to[0], m.parsed.subject]).sort()).toEqual(
      COMPANY.map((address) => [address, `Дело ${mediated.reference}: мера просрочена`]),
    );
    for (const mail of sink.received.filter((m) =>
      m.parsed.subject?.includes(mediated.reference),
    )) {
      expect(mail.raw).not.toContain(mediated.accessToken);
    }
  });
});
