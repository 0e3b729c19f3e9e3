import { mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '../support/database';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';
import { call, filing, Instance, staffToken, startInstance } from './support/instances';
import { reportFigures, setting, sleep } from './support/figures';

const LOAD_MS = setting('FAULT_INSTANCES_LOAD_SECONDS', 10) * 1000;
const RATE_LIMIT = 30;

jest.setTimeout(420_000);

let address = 0;
/** A client address of its own (TRUST_PROXY is on, as behind nginx), so the load is not limited. */
const someClient = () => ({
  'x-forwarded-for': `198.51.${100 + (++address % 100)}.${address % 250}`,
});

describe.each([2, 3])('fault: %i instances on one database', (n) => {
  let db: Client;
  let receiver: WebhookReceiver;
  let dataDir: string;
  const instances: Instance[] = [];

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    receiver = await startWebhookReceiver();
    dataDir = mkdtempSync(join(tmpdir(), 'ombudsman-fault-instances-'));
    chmodSync(dataDir, 0o755);
    const env = {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      TRUST_PROXY: 'true',
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      SLA_SWEEP_INTERVAL_MS: '300',
      WEBHOOK_DISPATCH_INTERVAL_MS: '200',
      MAIL_DISPATCH_INTERVAL_MS: '200',
    };
    // One after the other: the first applies the migrations (already done on the template).
    for (let i = 0; i < n; i += 1) instances.push(await startInstance(env));
    const sub = await call(instances[0].base, 'POST', '/v1/admin/webhooks', {
      token: staffToken('ombudsman', 'oscar'),
      body: { url: receiver.url, events: ['*'], description: 'fault suite' },
    });
    expect(sub.status).toBe(201);
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.terminate()));
    await receiver?.close();
    await db?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query(sql, params)).rows[0].n);

  it('flags each deadline once, delivers each event once, shares the rate limit and the idempotency keys', async () => {
    const officer = staffToken('ombudsman_officer', 'olga');
    const filed: string[] = [];
    let errors = 0;
    const start = Date.now();
    // Mixed load spread over every instance: filings, staff notes, queue reads.
    await Promise.all(
      Array.from({ length: 2 * n }, async (_, w) => {
        for (let i = 0; Date.now() - start < LOAD_MS; i += 1) {
          const at = instances[(w + i) % n].base;
          const kind = i % 3;
          const res =
            kind === 0 || filed.length === 0
              ? await call(at, 'POST', '/v1/escalations', {
                  body: filing('instances'),
                  headers: someClient(),
                })
              : kind === 1
                ? await call(at, 'POST', `/v1/admin/cases/${filed[i % filed.length]}/notes`, {
                    token: officer,
                    body: { body: `note ${w}-${i}` },
                  })
                : await call(at, 'GET', '/v1/admin/cases?limit=20', { token: officer });
          if (res.status === 201 && (res.body as { accessToken?: string }).accessToken)
            filed.push((res.body as { reference: string }).reference);
          if (res.status >= 300) errors += 1;
        }
      }),
    );

    // Every open deadline of these cases falls due at once: all instances sweep every 300 ms.
    const due = await count(
      `WITH d AS (UPDATE case_deadline SET started_at = now() - interval '20 days',
                    at_risk_due_at = now() - interval '2 days', due_at = now() - interval '1 hour'
                  WHERE met_at IS NULL AND breached_at IS NULL AND cancelled_at IS NULL AND paused_since IS NULL
                  RETURNING 1) SELECT count(*) AS n FROM d`,
    );
    const waitUntil = async (done: () => Promise<boolean>, ms = 60_000) => {
      const deadline = Date.now() + ms;
      while (!(await done()) && Date.now() < deadline) await sleep(250);
    };
    await waitUntil(
      async () =>
        (await count(`SELECT count(*) AS n FROM case_deadline WHERE breached_at IS NOT NULL`)) >=
        due,
    );
    await sleep(1500); // a few more sweeps on every instance: none may flag again
    const flagged = await count(
      `SELECT count(*) AS n FROM case_deadline WHERE breached_at IS NOT NULL`,
    );
    const breachEvents = await count(
      `SELECT count(*) AS n FROM outbox_event WHERE type = 'sla.breached'`,
    );
    const flaggedTwice = await count(
      `SELECT count(*) AS n FROM (SELECT payload->>'deadlineId' FROM outbox_event WHERE type = 'sla.breached'
        GROUP BY 1 HAVING count(*) > 1) x`,
    );

    // The public rate limit is one budget for all instances: a burst from one address, round robin.
    const burst = await Promise.all(
      Array.from({ length: RATE_LIMIT * 3 }, (_, i) =>
        call(instances[i % n].base, 'POST', '/v1/escalations', {
          body: filing('rate-limit'),
          headers: { 'x-forwarded-for': '203.0.113.7' },
        }),
      ),
    );
    const accepted = burst.filter((r) => r.status === 201).length;
    const limited = burst.filter((r) => r.status === 429 && r.headers.get('retry-after')).length;

    // An idempotent retry that lands on another instance answers the same case.
    const key = `fault-${n}-${Date.now()}`;
    const body = filing('idempotent');
    const first = await call(instances[0].base, 'POST', '/v1/escalations', {
      body,
      headers: { 'idempotency-key': key, ...someClient() },
    });
    const retries = await Promise.all(
      instances.map((i) =>
        call(i.base, 'POST', '/v1/escalations', {
          body,
          headers: { 'idempotency-key': key, ...someClient() },
        }),
      ),
    );
    const references = new Set(
      [first, ...retries].map((r) => (r.body as { reference?: string } | undefined)?.reference),
    );
    const idempotentCases = await count(
      `SELECT count(*) AS n FROM ombudsman_case WHERE subject = $1`,
      [body.subject],
    );

    // Each event delivered once to the one subscription (the receiver always answers 200).
    const events = (await db.query(`SELECT id FROM outbox_event`)).rows.map((r) => r.id as string);
    const received = () => new Set(receiver.received.map((w) => String(w.headers['webhook-id'])));
    await waitUntil(async () => events.every((id) => received().has(id)), 90_000);
    const ids = received();
    const lost = events.filter((id) => !ids.has(id)).length;
    const deliveredTwice = receiver.received.length - ids.size;
    const attemptsTwice = await count(
      `SELECT count(*) AS n FROM webhook_delivery WHERE attempt_count > 1 OR status <> 'delivered'`,
    );
    // Mail: each message planned once, and written once (no SMTP: one .eml file per message).
    await waitUntil(
      async () =>
        (await count(`SELECT count(*) AS n FROM mail_message WHERE status = 'queued'`)) === 0,
    );
    const mailSent = await count(`SELECT count(*) AS n FROM mail_message WHERE status = 'sent'`);
    let mailFiles = 0;
    try {
      mailFiles = readdirSync(join(dataDir, 'mail')).length;
    } catch {
      mailFiles = 0;
    }

    reportFigures(`instances-${n}`, {
      instances: n,
      load_s: LOAD_MS / 1000,
      cases: filed.length,
      load_errors: errors,
      deadlines_due: due,
      flagged,
      breach_events: breachEvents,
      flagged_twice: flaggedTwice,
      events: events.length,
      lost,
      duplicated: deliveredTwice,
      deliveries_reattempted: attemptsTwice,
      mail_sent: mailSent,
      mail_files: mailFiles,
      rate_limit: RATE_LIMIT,
      rate_accepted: accepted,
      rate_limited: limited,
      idempotent_statuses: [first, ...retries].map((r) => r.status).join('/'),
      idempotent_references: references.size,
      idempotent_cases: idempotentCases,
    });

    expect(errors).toBe(0);
    expect(due).toBeGreaterThan(0);
    expect(flagged).toBe(due);
    expect(breachEvents).toBe(due);
    expect(flaggedTwice).toBe(0);
    expect(lost).toBe(0);
    expect(deliveredTwice).toBe(0);
    expect(attemptsTwice).toBe(0);
    expect(mailFiles).toBe(mailSent);
    expect(accepted).toBe(RATE_LIMIT);
    expect(limited).toBe(RATE_LIMIT * 2);
    expect(first.status).toBe(201);
    expect(retries.every((r) => r.status === 201)).toBe(true);
    expect(references.size).toBe(1);
    expect(idempotentCases).toBe(1);
  });
});
