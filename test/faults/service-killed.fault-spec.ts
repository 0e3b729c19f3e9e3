import { Client } from 'pg';
import { createTestDatabase } from '../support/database';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';
import { call, filing, Instance, staffToken, startInstance } from './support/instances';
import { reportFigures, setting, sleep } from './support/figures';

const EVENTS = setting('FAULT_KILL_EVENTS', 100);
const KILLS = setting('FAULT_KILL_ROUNDS', 5);

jest.setTimeout(420_000);

describe('fault: the service is killed between commit and webhook dispatch', () => {
  let databaseUrl: string;
  let db: Client;
  let receiver: WebhookReceiver;
  let service: Instance;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    receiver = await startWebhookReceiver();
    service = await startInstance({
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_PER_MINUTE: '1000000',
      WEBHOOK_DISPATCH_INTERVAL_MS: '250',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_RETRY_BASE_MS: '200',
      WEBHOOK_RETRY_MAX_MS: '1000',
    });
    const sub = await call(service.base, 'POST', '/v1/admin/webhooks', {
      token: staffToken('ombudsman', 'oscar'),
      body: { url: receiver.url, events: ['*'], description: 'fault suite' },
    });
    expect(sub.status).toBe(201);
  });

  afterAll(async () => {
    await service?.terminate();
    await receiver?.close();
    await db?.end();
  });

  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);

  it('delivers every committed event after restarts, keeps webhook-id on redelivery, and leaves no half-written case', async () => {
    const answered: string[] = [];
    let kills = 0;
    const perRound = Math.ceil(EVENTS / KILLS);
    while ((await count(`SELECT count(*) AS n FROM outbox_event`)) < EVENTS) {
      // A burst of filings committed, then kill -9 at once: some events are in the outbox, not yet
      // fanned out, some claimed and on their way, some delivered.
      const burst = await Promise.all(
        Array.from({ length: Math.max(1, Math.ceil(perRound / 3)) }, () =>
          call(service.base, 'POST', '/v1/escalations', { body: filing('service-killed') }),
        ),
      );
      for (const res of burst)
        if (res.status === 201) answered.push((res.body as { reference: string }).reference);
      await sleep(50 + Math.random() * 300);
      if (kills < KILLS) {
        await service.kill9();
        kills += 1;
        await service.restart();
      }
    }
    const events = (await db.query(`SELECT id FROM outbox_event`)).rows.map((r) => r.id as string);
    // Claims cut short by a kill come back when their lease ends (timeout + 30 s).
    const deadline = Date.now() + 90_000;
    const receivedIds = () =>
      new Set(receiver.received.map((w) => String(w.headers['webhook-id'])));
    while (events.some((id) => !receivedIds().has(id)) && Date.now() < deadline) await sleep(250);

    const ids = receivedIds();
    const lost = events.filter((id) => !ids.has(id)).length;
    const idMismatch = receiver.received.filter(
      (w) => (JSON.parse(w.body) as { id: string }).id !== w.headers['webhook-id'],
    ).length;
    const redelivered = receiver.received.length - ids.size;
    const byId = new Map<string, string>();
    let changedOnRedelivery = 0;
    for (const w of receiver.received) {
      const id = String(w.headers['webhook-id']);
      const { type, data } = JSON.parse(w.body) as { type: string; data: unknown };
      const shape = JSON.stringify({ type, data });
      if (byId.has(id) && byId.get(id) !== shape) changedOnRedelivery += 1;
      byId.set(id, shape);
    }
    const duplicateDeliveries = await count(
      `SELECT count(*) AS n FROM (SELECT 1 FROM webhook_delivery GROUP BY event_id, subscription_id HAVING count(*) > 1) d`,
    );
    const halfWritten = await count(
      `SELECT count(*) AS n FROM ombudsman_case c
        WHERE NOT EXISTS (SELECT 1 FROM case_timeline_entry t WHERE t.case_id = c.id)
           OR NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.chain_key = c.id::text)
           OR NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.aggregate_type = 'case' AND o.aggregate_id = c.reference)`,
    );
    const storedRefs = new Set(
      (await db.query(`SELECT reference FROM ombudsman_case`)).rows.map(
        (r) => r.reference as string,
      ),
    );
    const lostFilings = answered.filter((r) => !storedRefs.has(r)).length;
    const verify = await call(service.base, 'GET', '/v1/admin/audit/verify', {
      token: staffToken('auditor', 'audrey'),
    });
    const auditValid = (verify.body as { valid?: boolean } | undefined)?.valid === true;

    reportFigures('service-killed', {
      events: events.length,
      kills,
      cases: storedRefs.size,
      received: receiver.received.length,
      lost,
      redelivered,
      webhook_id_changed: idMismatch + changedOnRedelivery,
      duplicated: duplicateDeliveries,
      half_written_cases: halfWritten,
      lost_filings: lostFilings,
      audit_valid: auditValid,
    });

    expect(kills).toBe(KILLS);
    expect(events.length).toBeGreaterThanOrEqual(EVENTS);
    expect(lost).toBe(0);
    expect(idMismatch + changedOnRedelivery).toBe(0);
    expect(duplicateDeliveries).toBe(0);
    expect(halfWritten).toBe(0);
    expect(lostFilings).toBe(0);
    expect(auditValid).toBe(true);
  });
});
