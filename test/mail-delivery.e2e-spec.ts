import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { AuditService } from '../src/audit/audit.service';
import { MailDispatcher } from '../src/mail/mail-dispatcher';
import { MAIL_TEXTS } from '../src/mail/templates/render-mail';
import { fileCase } from './support/filing';
import { freePort } from './support/free-port';
import { drainMail, notificationsOf } from './support/mail';
import { sql } from './support/resolution';
import { startSmtpSink, SmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';

const FAST_RETRY = { MAIL_RETRY_BASE_MS: '1', MAIL_RETRY_MAX_MS: '1' };

describe('mail delivery', () => {
  const apps: TestApp[] = [];
  let sink: SmtpSink;
  const start = async (env: Record<string, string>, databaseUrl?: string) => {
    const t = await startTestApp({ env, databaseUrl });
    apps.push(t);
    return t;
  };
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    for (const t of apps) await t.close();
    await sink.close();
  });

  it('a name or subject with CR/LF or <script> injects no header and no markup', async () => {
    const t = await start({ SMTP_URL: sink.url });
    const filed = await fileCase(t, {
      customer: { name: 'Eve\r\nBcc: victim@example.org', email: 'eve@example.org' },
      subject: 'Refund\r\nX-Injected: yes <script>alert(1)</script>',
    });
    await drainMail(t);
    const mails = sink.to('eve@example.org');
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.to).toEqual(['eve@example.org']);
      const head = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
      expect(head).not.toMatch(/^(Bcc|X-Injected):/im);
      expect(mail.parsed.bcc).toBeUndefined();
      expect(mail.parsed.headers.has('x-injected')).toBe(false);
      expect(mail.parsed.html).not.toContain('<script>');
    }
    const received = mails.find((m) => m.parsed.subject?.includes('received'));
    expect(received?.parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(received?.parsed.to).toMatchObject({ value: [{ address: 'eve@example.org' }] });
    expect(filed.reference).toMatch(/^OMB-/);
  });

  it('a message whose template lacks the case language goes out in English, with a warning logged', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const t = await startTestApp({ env: { SMTP_URL: sink.url }, logStream });
    apps.push(t);
    const zh = MAIL_TEXTS.zh.templates as Record<string, unknown>;
    const saved = zh.case_received;
    delete zh.case_received;
    try {
      await fileCase(t, {
        preferredLanguage: 'zh',
        customer: { name: 'Li', email: 'li@example.org' },
      });
      await drainMail(t);
    } finally {
      zh.case_received = saved;
    }
    const received = sink.to('li@example.org').find((m) => m.parsed.subject?.includes('received'));
    expect(received?.parsed.headers.get('content-language')).toBe('en');
    const warning = lines
      .map((line) => JSON.parse(line) as { level: number; msg?: string; template?: string })
      .find((entry) => entry.msg?.includes('no zh text for mail template case_received'));
    expect(warning).toMatchObject({ level: 40, context: 'Mail', template: 'case_received' });
  });

  it('a 4xx reply leaves the message queued and a later attempt sends it', async () => {
    const t = await start({ SMTP_URL: sink.url, ...FAST_RETRY });
    const filed = await fileCase(t, { customer: { name: 'Tom', email: 'tom@example.org' } });
    sink.refuseNext(2, 451, 'Greylisted, try again later');
    await t.app.get(MailDispatcher).dispatchOnce();
    let sent = await notificationsOf(t, filed.reference);
    expect(sent.map((n) => [n.status, n.attempts])).toEqual([
      ['queued', 1],
      ['queued', 1],
    ]);
    expect(sent[0].lastError).toContain('451');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await drainMail(t);
    sent = await notificationsOf(t, filed.reference);
    expect(sent.map((n) => [n.status, n.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
    expect(sink.to('tom@example.org')).toHaveLength(2);
  });

  it('a 5xx reply fails the message for good, with the reason', async () => {
    const t = await start({ SMTP_URL: sink.url, ...FAST_RETRY });
    const filed = await fileCase(t, { customer: { name: 'Uma', email: 'uma@example.org' } });
    sink.refuseNext(2, 550, 'No such user here');
    await drainMail(t);
    const sent = await notificationsOf(t, filed.reference);
    expect(sent.map((n) => [n.status, n.attempts, n.sentAt])).toEqual([
      ['failed', 1, null],
      ['failed', 1, null],
    ]);
    expect(sent[0].lastError).toContain('No such user here');
  });

  it('an unreachable SMTP server leaves messages queued, and the service stays ready', async () => {
    const closedPort = await freePort();
    const t = await start({ SMTP_URL: `smtp://127.0.0.1:${closedPort}`, MAIL_TIMEOUT_MS: '2000' });
    const filed = await fileCase(t);
    const report = await t.app.get(MailDispatcher).dispatchOnce();
    expect(report).toMatchObject({ attempted: 2, sent: 0 });
    const queued = await notificationsOf(t, filed.reference);
    expect(queued.every((n) => n.status === 'queued' && n.attempts === 1)).toBe(true);
    expect(queued[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    await t.http().get('/health/ready').expect(200);
  });

  it('two dispatchers at once send each message once', async () => {
    const a = await start({ SMTP_URL: sink.url });
    const b = await start({ SMTP_URL: sink.url }, a.databaseUrl);
    const before = sink.received.length;
    for (let i = 0; i < 15; i += 1) {
      await fileCase(a, { customer: { name: `Twin ${i}`, email: `twin${i}@example.org` } });
    }
    const [sentByA, sentByB] = await Promise.all([drainMail(a), drainMail(b)]);
    const arrived = sink.received.slice(before);
    expect(sentByA + sentByB).toBe(30);
    expect(arrived).toHaveLength(30);
    expect(new Set(arrived.map((m) => m.parsed.messageId)).size).toBe(30);
    const [row] = await sql<{ sent: number }>(
      a,
      `SELECT count(*)::int AS sent FROM mail_message WHERE status = 'sent' AND attempts = 1`,
    );
    expect(row.sent).toBe(30);
  });

  it('while requests wait for database connections a pass sends one small batch and leaves the rest for later passes', async () => {
    const t = await start({ SMTP_URL: sink.url, DATABASE_POOL_SIZE: '1' });
    for (let i = 0; i < 15; i += 1) await fileCase(t);
    let pressing = true;
    // Three callers on a pool of one: whenever the dispatcher looks, some are waiting.
    const pressure = Array.from({ length: 3 }, async () => {
      while (pressing) await t.dataSource.query('SELECT pg_sleep(0.01)');
    });
    const report = await t.app.get(MailDispatcher).dispatchOnce();
    pressing = false;
    await Promise.all(pressure);
    expect(report).toMatchObject({ attempted: 10, sent: 10, busy: false });
    expect(await drainMail(t)).toBe(20);
  });

  it('a batch of messages on one case and on others records each one sent, in one intact audit chain per case', async () => {
    const t = await start({ SMTP_URL: sink.url });
    const cases = [];
    for (let i = 0; i < 3; i += 1) cases.push(await fileCase(t));
    const [busy] = await sql<{ id: string }>(
      t,
      'SELECT id FROM ombudsman_case WHERE reference = $1',
      [cases[0].reference],
    );
    // More than a send batch on one case, so one settlement continues its chain many times.
    await sql(
      t,
      `INSERT INTO mail_message (case_id, source_key, template, language, audience, recipient,
                                 params, next_attempt_at, created_at)
       SELECT $1, 'batch:' || i, 'case_closed', 'en', 'customer', 'batch@example.org',
              jsonb_build_object('reference', $2::text), now(), now()
         FROM generate_series(1, 120) AS i`,
      [busy.id, cases[0].reference],
    );
    await drainMail(t);
    const audit = t.app.get(AuditService);
    for (const filed of cases) {
      const [c] = await sql<{ id: string }>(
        t,
        'SELECT id FROM ombudsman_case WHERE reference = $1',
        [filed.reference],
      );
      const sent = await sql<{ id: string }>(
        t,
        `SELECT id FROM mail_message WHERE case_id = $1 AND status = 'sent'`,
        [c.id],
      );
      const [notified] = await sql<{ n: number }>(
        t,
        `SELECT count(*)::int AS n FROM case_timeline_entry
          WHERE case_id = $1 AND type LIKE '%.notified'`,
        [c.id],
      );
      const { entries, firstBroken } = await audit.chain(c.id);
      const mailed = entries.filter((e) => e.action === 'mail.sent');
      expect(firstBroken).toBeNull();
      expect(sent.length).toBeGreaterThan(filed === cases[0] ? 120 : 0);
      expect(notified.n).toBe(sent.length);
      expect(
        new Set(mailed.map((e) => (e.after as { notificationId: string }).notificationId)),
      ).toEqual(new Set(sent.map((m) => m.id)));
    }
  });

  it('without SMTP_URL each message is written as an .eml file under DATA_DIR/mail', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mail-eml-'));
    const t = await start({ DATA_DIR: dataDir });
    const filed = await fileCase(t, { preferredLanguage: 'zh' });
    await drainMail(t);
    const folder = join(dataDir, 'mail');
    expect(existsSync(folder)).toBe(true);
    const files = readdirSync(folder).filter((f) => f.includes(filed.reference));
    expect(files).toHaveLength(2);
    const eml = readFileSync(join(folder, files[0]), 'utf8');
    expect(eml).toMatch(/^Message-ID: <[0-9a-f-]+@localhost>/m);
    expect(eml).toMatch(/^Content-Language: zh/m);
    const sent = await notificationsOf(t, filed.reference);
    expect(sent.every((n) => n.status === 'sent')).toBe(true);
  });
});
