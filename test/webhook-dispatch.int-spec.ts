import { createHmac } from 'node:crypto';
import { WebhookDispatcher } from '../src/notifications/webhooks/webhook-dispatcher';
import { adminQuery } from './support/database';
import { databaseName, fileCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';
import { startWebhookReceiver, WebhookReceiver } from './support/webhook-receiver';

const BASE = '/v1/admin/webhooks';
const ALLOW_PRIVATE = { WEBHOOK_ALLOW_PRIVATE: 'true' };
const HOUR_MS = 3_600_000;

interface Delivery {
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  attempts: {
    attempt: number;
    statusCode: number | null;
    error: string | null;
    succeeded: boolean;
  }[];
}

async function subscribe(t: TestApp, url: string, events: string[] = ['case.submitted']) {
  const res = await t
    .http()
    .post(BASE)
    .set('authorization', `Bearer ${t.token('ombudsman', 'olga')}`)
    .send({ url, events })
    .expect(201);
  return res.body as { id: string; secret: string };
}

async function deliveries(t: TestApp, subscriptionId: string): Promise<Delivery[]> {
  const res = await t
    .http()
    .get(`${BASE}/${subscriptionId}/deliveries?limit=100`)
    .set('authorization', `Bearer ${t.token('auditor')}`)
    .expect(200);
  return res.body.items as Delivery[];
}

function expectedSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

const dispatcherOf = (t: TestApp) => t.app.get(WebhookDispatcher);

describe('webhook dispatch', () => {
  const apps: TestApp[] = [];
  let receiver: WebhookReceiver;
  const start = async (env: Record<string, string> = ALLOW_PRIVATE, databaseUrl?: string) => {
    const t = await startTestApp({ env, databaseUrl });
    apps.push(t);
    return t;
  };

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((t) => t.close()));
    await receiver.close();
  });

  it('delivers a case.submitted event that a receiver verifies with the secret', async () => {
    const t = await start();
    const { id, secret } = await subscribe(t, receiver.url);
    const filed = await fileCase(t);

    const report = await dispatcherOf(t).dispatchOnce();

    expect(report).toMatchObject({ attempted: 1, delivered: 1 });
    expect(receiver.received).toHaveLength(1);
    const [hook] = receiver.received;
    const [event] = (await t.dataSource.query(
      `SELECT id FROM outbox_event WHERE type = 'case.submitted' AND aggregate_id = $1`,
      [filed.reference],
    )) as { id: string }[];
    expect(hook.headers['webhook-id']).toBe(event.id);
    expect(hook.headers['content-type']).toBe('application/json');
    const timestamp = String(hook.headers['webhook-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(hook.headers['webhook-signature']).toBe(
      expectedSignature(secret, event.id, timestamp, hook.body),
    );
    expect(JSON.parse(hook.body)).toMatchObject({
      id: event.id,
      type: 'case.submitted',
      aggregate: { type: 'case', id: filed.reference },
      data: { reference: filed.reference, status: filed.status },
    });

    const [delivery] = await deliveries(t, id);
    expect(delivery).toMatchObject({
      eventId: event.id,
      eventType: 'case.submitted',
      status: 'delivered',
      attemptCount: 1,
      nextAttemptAt: null,
      attempts: [{ attempt: 1, statusCode: 200, error: null, succeeded: true }],
    });
    expect(await dispatcherOf(t).dispatchOnce()).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  it('sends a subscription only the event types it asked for', async () => {
    const t = await start();
    const statusOnly = await startWebhookReceiver();
    try {
      await subscribe(t, statusOnly.url, ['case.status_changed']);
      await subscribe(t, receiver.url, ['*']);
      await fileCase(t);
      await dispatcherOf(t).dispatchOnce();
      expect(statusOnly.received).toHaveLength(0);
      expect(receiver.received.map((r) => JSON.parse(r.body).type)).toContain('case.submitted');
    } finally {
      await statusOnly.close();
    }
  });

  it('retries after the receiver answers 500, with backoff, and then delivers', async () => {
    const t = await start({ ...ALLOW_PRIVATE, WEBHOOK_RETRY_BASE_MS: '60000' });
    const { id, secret } = await subscribe(t, receiver.url);
    receiver.answerWith(500);
    await fileCase(t);

    const first = await dispatcherOf(t).dispatchOnce();
    expect(first).toMatchObject({ attempted: 1, delivered: 0 });
    const [pending] = await deliveries(t, id);
    expect(pending).toMatchObject({
      status: 'pending',
      attemptCount: 1,
      attempts: [{ statusCode: 500, error: 'the receiver answered 500', succeeded: false }],
    });
    const waitMs = Date.parse(pending.nextAttemptAt ?? '') - Date.now();
    expect(waitMs).toBeLessThanOrEqual(60_000);

    const second = await dispatcherOf(t).dispatchOnce(new Date(Date.now() + HOUR_MS));
    expect(second).toMatchObject({ attempted: 1, delivered: 1 });
    expect(receiver.received).toHaveLength(2);
    const [a, b] = receiver.received;
    expect(b.headers['webhook-id']).toBe(a.headers['webhook-id']);
    expect(b.body).toBe(a.body);
    expect(b.headers['webhook-signature']).toBe(
      expectedSignature(
        secret,
        String(b.headers['webhook-id']),
        String(b.headers['webhook-timestamp']),
        b.body,
      ),
    );
    const [delivered] = await deliveries(t, id);
    expect(delivered).toMatchObject({ status: 'delivered', attemptCount: 2, nextAttemptAt: null });
    expect(delivered.attempts.map((x) => x.statusCode)).toEqual([500, 200]);
  });

  it('marks a delivery failed once the attempts are used up, and stops', async () => {
    const t = await start({ ...ALLOW_PRIVATE, WEBHOOK_MAX_ATTEMPTS: '3' });
    const { id } = await subscribe(t, receiver.url);
    receiver.answerWith(503, 503, 503, 503, 503);
    await fileCase(t);
    for (let day = 0; day < 5; day += 1) {
      await dispatcherOf(t).dispatchOnce(new Date(Date.now() + day * 24 * HOUR_MS));
    }
    expect(receiver.received).toHaveLength(3);
    const [failed] = await deliveries(t, id);
    expect(failed).toMatchObject({ status: 'failed', attemptCount: 3, nextAttemptAt: null });
    expect(failed.attempts.map((x) => x.statusCode)).toEqual([503, 503, 503]);
  });

  it('logs a receiver that cannot be reached as a failed attempt with the error', async () => {
    const t = await start();
    const { id } = await subscribe(t, receiver.url);
    await receiver.close();
    await fileCase(t);
    await dispatcherOf(t).dispatchOnce();
    const [delivery] = await deliveries(t, id);
    expect(delivery.status).toBe('pending');
    expect(delivery.attempts[0]).toMatchObject({ statusCode: null, succeeded: false });
    expect(delivery.attempts[0].error).toMatch(/ECONNREFUSED/);
    receiver = await startWebhookReceiver();
  });

  it('gives up on an attempt the receiver does not answer in time', async () => {
    await receiver.close();
    receiver = await startWebhookReceiver({ delayMs: 5_000 });
    const t = await start({ ...ALLOW_PRIVATE, WEBHOOK_TIMEOUT_MS: '200' });
    const { id } = await subscribe(t, receiver.url);
    await fileCase(t);
    await dispatcherOf(t).dispatchOnce();
    const [delivery] = await deliveries(t, id);
    expect(delivery.status).toBe('pending');
    expect(delivery.attempts[0]).toMatchObject({
      statusCode: null,
      error: 'no response within 200 ms',
      succeeded: false,
    });
  });

  it('delivers an event committed before a restart, from the next instance', async () => {
    const first = await start();
    await subscribe(first, receiver.url);
    const filed = await fileCase(first);
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    expect(receiver.received).toHaveLength(0);

    // The next instance runs its background loop: nothing but the database carried the event over.
    await start({ ...ALLOW_PRIVATE, WEBHOOK_DISPATCH_INTERVAL_MS: '50' }, first.databaseUrl);
    await receiver.waitFor(1);
    expect(JSON.parse(receiver.received[0].body).data.reference).toBe(filed.reference);
  });

  it('shutting down cuts an attempt in flight short and leaves the delivery to retry', async () => {
    await receiver.close();
    receiver = await startWebhookReceiver({ delayMs: 60_000 });
    const t = await start({
      ...ALLOW_PRIVATE,
      WEBHOOK_DISPATCH_INTERVAL_MS: '20',
      WEBHOOK_TIMEOUT_MS: '60000',
    });
    await subscribe(t, receiver.url);
    await fileCase(t);
    await receiver.waitFor(1);

    const closing = Date.now();
    await t.close();
    apps.splice(apps.indexOf(t), 1);
    expect(Date.now() - closing).toBeLessThan(5_000);
    const rows = await adminQuery(
      `SELECT d.status, a.error FROM webhook_delivery d
         JOIN webhook_delivery_attempt a ON a.delivery_id = d.id`,
      [],
      databaseName(t),
    );
    expect(rows).toEqual([
      { status: 'pending', error: 'cut short: the service was shutting down' },
    ]);
  });

  it('attempts again a delivery whose claimer crashed mid-attempt, once its lease runs out', async () => {
    const t = await start();
    const { id } = await subscribe(t, receiver.url);
    await fileCase(t);
    // What a crash leaves behind: the event fanned out, the delivery claimed, no attempt recorded.
    await t.dataSource.query(`
      WITH event AS (
        UPDATE outbox_event SET dispatched_at = now() WHERE type = 'case.submitted' RETURNING id
      )
      INSERT INTO webhook_delivery (subscription_id, event_id, attempt_count, last_attempt_at, next_attempt_at)
      SELECT '${id}', event.id, 1, now(), now() + interval '40 seconds' FROM event`);

    expect(await dispatcherOf(t).dispatchOnce()).toMatchObject({ attempted: 0 });
    const later = await dispatcherOf(t).dispatchOnce(new Date(Date.now() + 60_000));
    expect(later).toMatchObject({ attempted: 1, delivered: 1 });
    const [delivery] = await deliveries(t, id);
    expect(delivery).toMatchObject({ status: 'delivered', attemptCount: 2 });
  });

  it('cancels unsent a delivery fanned out in a race with the deletion of its subscription', async () => {
    const t = await start();
    const { id } = await subscribe(t, receiver.url);
    await fileCase(t);
    // The fan-out saw the subscription live; the deletion committed before the claim.
    await t.dataSource.query(`
      WITH event AS (
        UPDATE outbox_event SET dispatched_at = now() WHERE type = 'case.submitted' RETURNING id
      )
      INSERT INTO webhook_delivery (subscription_id, event_id, next_attempt_at)
      SELECT '${id}', event.id, now() FROM event`);
    await t.dataSource.query(`UPDATE webhook_subscription SET deleted_at = now() WHERE id = $1`, [
      id,
    ]);

    expect(await dispatcherOf(t).dispatchOnce()).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(0);
    const [row] = (await t.dataSource.query(
      `SELECT status, attempt_count FROM webhook_delivery WHERE subscription_id = $1`,
      [id],
    )) as { status: string; attempt_count: number }[];
    expect(row).toEqual({ status: 'cancelled', attempt_count: 0 });
  });

  it('two dispatchers running at once deliver every event exactly once', async () => {
    await receiver.close();
    receiver = await startWebhookReceiver({ delayMs: 15 });
    const a = await start();
    const b = await start(ALLOW_PRIVATE, a.databaseUrl);
    await subscribe(a, receiver.url);
    const events = 30;
    for (let i = 0; i < events; i += 1) await fileCase(i % 2 === 0 ? a : b);

    for (let round = 0; round < 10 && receiver.received.length < events; round += 1) {
      await Promise.all([
        dispatcherOf(a).dispatchOnce(),
        dispatcherOf(b).dispatchOnce(),
        dispatcherOf(a).dispatchOnce(),
        dispatcherOf(b).dispatchOnce(),
      ]);
    }

    const ids = receiver.received.map((r) => String(r.headers['webhook-id']));
    expect(ids).toHaveLength(events);
    expect(new Set(ids).size).toBe(events);
    const [counts] = (await a.dataSource.query(
      `SELECT (SELECT count(*) FROM webhook_delivery)::int AS deliveries,
              (SELECT count(*) FROM webhook_delivery_attempt)::int AS attempts`,
    )) as { deliveries: number; attempts: number }[];
    expect(counts).toEqual({ deliveries: events, attempts: events });
  });

  it('checks the address again at delivery time and refuses a private one', async () => {
    const permissive = await start();
    const { id } = await subscribe(permissive, receiver.url);
    const strict = await start({}, permissive.databaseUrl);
    await fileCase(strict);

    expect(await dispatcherOf(strict).dispatchOnce()).toMatchObject({ attempted: 1, delivered: 0 });
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await deliveries(strict, id);
    expect(delivery.attempts[0].error).toMatch(/127\.0\.0\.1.*loopback/);
  });

  it('refuses at delivery time a NAT64 address that carries a loopback address', async () => {
    const permissive = await start();
    const { port } = new URL(receiver.url);
    const { id } = await subscribe(permissive, `http://[64:ff9b::7f00:1]:${port}/hook`);
    const strict = await start({ WEBHOOK_TIMEOUT_MS: '500' }, permissive.databaseUrl);
    await fileCase(strict);

    expect(await dispatcherOf(strict).dispatchOnce()).toMatchObject({ attempted: 1, delivered: 0 });
    const [delivery] = await deliveries(strict, id);
    expect(delivery.attempts[0].error).toMatch(/NAT64 embedding 127\.0\.0\.1 \(loopback\)/);
  });

  it('cancels pending deliveries when the subscription is deleted', async () => {
    const t = await start();
    const { id } = await subscribe(t, receiver.url);
    receiver.answerWith(500);
    await fileCase(t);
    await dispatcherOf(t).dispatchOnce();
    await t
      .http()
      .delete(`${BASE}/${id}`)
      .set('authorization', `Bearer ${t.token('ombudsman')}`)
      .expect(204);
    await dispatcherOf(t).dispatchOnce(new Date(Date.now() + 24 * HOUR_MS));
    expect(receiver.received).toHaveLength(1);
    const [row] = (await t.dataSource.query(
      `SELECT status FROM webhook_delivery WHERE subscription_id = $1`,
      [id],
    )) as { status: string }[];
    expect(row.status).toBe('cancelled');
  });
});
