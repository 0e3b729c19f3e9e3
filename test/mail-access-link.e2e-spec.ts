import { fileCase } from './support/filing';
import { drainMail, notificationsOf } from './support/mail';
import { routes, sql } from './support/resolution';
import { startSmtpSink, SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

describe('access link by e-mail', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let r: ReturnType<typeof routes>;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      env: { SMTP_URL: sink.url, PUBLIC_BASE_URL: 'https://ombudsman.example' },
    });
    r = routes(t);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const ask = (reference: string, email: string) =>
    t.http().post(`/v1/escalations/${reference}/access-link`).send({ email }).expect(202);

  const links = (address: string, reference: string) =>
    sink
      .to(address)
      .filter((m) => m.parsed.subject?.includes('access link') && m.raw.includes(reference));

  it('replaces the token and mails a link carrying the new one; the old one stops working', async () => {
    const filed = await fileCase(t, { customer: { name: 'Anna', email: 'Anna.Link@Example.org' } });
    const answer = await ask(filed.reference, '  anna.link@example.ORG ');
    await drainMail(t);
    const [mail] = links('anna.link@example.org', filed.reference);
    const token = /#access-token=([A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '')?.[1];
    expect(token).toBeDefined();
    expect(mail.parsed.text).toContain(`https://ombudsman.example/cases/${filed.reference}#`);
    await r.view(filed.reference, filed.accessToken).expect(404);
    await r.view(filed.reference, token as string).expect(200);
    expect(answer.body.message).toMatch(/If this address belongs to the case/);

    const [row] = await sql<{ sealed: Buffer | null }>(
      t,
      `SELECT token_sealed AS sealed FROM mail_message WHERE template = 'access_link'`,
    );
    expect(row.sealed).toBeNull();
    const staff = await notificationsOf(t, filed.reference);
    expect(JSON.stringify(staff)).not.toContain(token);
    // No other message ever carries a token.
    for (const other of sink.to('anna.link@example.org').filter((m) => m !== mail)) {
      expect(other.raw).not.toContain(token);
      expect(other.raw).not.toContain(filed.accessToken);
    }
  });

  it('records the replaced token on the staff timeline and in the audit chain, never the token', async () => {
    const filed = await fileCase(t, { customer: { name: 'Dee', email: 'dee@example.org' } });
    await ask(filed.reference, 'dee@example.org');
    await drainMail(t);
    const auditor = `Bearer ${t.token('auditor', 'ivy')}`;
    const timeline = await r.admin('get', filed.reference, '/timeline', auditor).expect(200);
    const [replaced] = timeline.body.items.filter(
      (e: { type: string }) => e.type === 'case.access_token_replaced',
    );
    expect(replaced).toMatchObject({ visibleToCustomer: false, visibleToCompany: false });
    const [sent] = (await notificationsOf(t, filed.reference)).filter(
      (n) => n.template === 'access_link',
    );
    expect(replaced.data).toMatchObject({ notificationId: sent.id });
    const audit = await r.admin('get', filed.reference, '/audit', auditor).expect(200);
    expect(audit.body.intact).toBe(true);
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toContain('case.access_token_replaced');
    const [link] = links('dee@example.org', filed.reference);
    const token = /#access-token=([A-Za-z0-9_-]{43})/.exec(link.parsed.text ?? '')?.[1];
    expect(JSON.stringify([timeline.body, audit.body])).not.toContain(token);
  });

  it('a wrong address writes nothing on the case', async () => {
    const filed = await fileCase(t, { customer: { name: 'Ed', email: 'ed@example.org' } });
    await ask(filed.reference, 'not.ed@example.org');
    const rows = await sql(
      t,
      `SELECT 1 FROM case_timeline_entry e JOIN ombudsman_case c ON c.id = e.case_id
        WHERE c.reference = $1 AND e.type = 'case.access_token_replaced'`,
      [filed.reference],
    );
    expect(rows).toHaveLength(0);
  });

  it('answers the same to a wrong address and an unknown case, and changes nothing', async () => {
    const filed = await fileCase(t, { customer: { name: 'Bo', email: 'bo@example.org' } });
    const wrong = await ask(filed.reference, 'someone@example.org');
    const unknown = await ask('OMB-2026-999999', 'bo@example.org');
    expect(wrong.body).toEqual(unknown.body);
    await drainMail(t);
    expect(links('someone@example.org', filed.reference)).toHaveLength(0);
    expect(links('bo@example.org', filed.reference)).toHaveLength(0);
    await r.view(filed.reference, filed.accessToken).expect(200);
  });

  it('sends at most three links per case and hour', async () => {
    const filed = await fileCase(t, { customer: { name: 'Cy', email: 'cy@example.org' } });
    for (let i = 0; i < 5; i += 1) await ask(filed.reference, 'cy@example.org');
    await drainMail(t);
    expect(links('cy@example.org', filed.reference)).toHaveLength(3);
  });

  it('sends at most five links per address and hour, over all its cases', async () => {
    const first = await fileCase(t, { customer: { name: 'Fay', email: 'fay@example.org' } });
    const second = await fileCase(t, { customer: { name: 'Fay', email: 'fay@example.org' } });
    for (let i = 0; i < 3; i += 1) await ask(first.reference, 'fay@example.org');
    for (let i = 0; i < 3; i += 1) await ask(second.reference, 'fay@example.org');
    await drainMail(t);
    expect(links('fay@example.org', first.reference)).toHaveLength(3);
    expect(links('fay@example.org', second.reference)).toHaveLength(2);
  });

  it('refuses a client that asks too often with 429, before looking at the case', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const asks = [];
      for (let i = 0; i < 3; i += 1) {
        asks.push(
          await limited
            .http()
            .post('/v1/escalations/OMB-2026-000001/access-link')
            .send({ email: 'someone@example.org' }),
        );
      }
      expect(asks.map((a) => a.status)).toEqual([202, 202, 429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses a body without a valid address', async () => {
    await t
      .http()
      .post('/v1/escalations/OMB-2026-000001/access-link')
      .send({ email: 'not an address' })
      .expect(400);
  });
});
