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

  it('refuses a body without a valid address', async () => {
    await t
      .http()
      .post('/v1/escalations/OMB-2026-000001/access-link')
      .send({ email: 'not an address' })
      .expect(400);
  });
});
