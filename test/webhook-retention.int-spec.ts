import { loadConfig } from '../src/config/load-config';
import { WebhookRetention } from '../src/notifications/webhooks/webhook-retention';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('webhook delivery retention', () => {
  let t: TestApp;
  let subscriptionId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOK_DELIVERY_RETENTION_DAYS: '10' } });
    const [row] = await sql<{ id: string }>(
      `INSERT INTO webhook_subscription (id, url, events, secret_sealed, created_by, created_at)
       VALUES (gen_random_uuid(), 'https://receiver.example.org/hook', '{*}', '\\x00', 'oscar',
               now() - interval '400 days')
       RETURNING id`,
    );
    subscriptionId = row.id;
  });
  afterAll(() => t.close());

  const sql = <T>(text: string, params: unknown[] = []) =>
    t.dataSource.query(text, params) as Promise<T[]>;

  /** An outbox event that happened `ageDays` ago, fanned out then unless `fannedOut` is false. */
  async function event(ageDays: number, fannedOut = true, mailed = true): Promise<string> {
    const at = new Date(Date.now() - ageDays * DAY);
    const [row] = await sql<{ id: string }>(
      `INSERT INTO outbox_event
         (type, aggregate_type, aggregate_id, payload, occurred_at, dispatched_at, mail_planned_at)
       VALUES ('case.submitted', 'case', 'OMB-2020-000001', '{}', $1, $2, $3) RETURNING id`,
      [at, fannedOut ? at : null, mailed ? at : null],
    );
    return row.id;
  }

  /** A delivery of `eventId` created `ageDays` ago, with one attempt logged. */
  async function delivery(eventId: string, ageDays: number, status: string): Promise<string> {
    const at = new Date(Date.now() - ageDays * DAY);
    const [row] = await sql<{ id: string }>(
      `INSERT INTO webhook_delivery (subscription_id, event_id, status, attempt_count,
                                     next_attempt_at, created_at, last_attempt_at, delivered_at)
       VALUES ($1, $2, $3, 1, CASE WHEN $3 = 'pending' THEN $4::timestamptz END, $4, $4,
               CASE WHEN $3 = 'delivered' THEN $4::timestamptz END)
       RETURNING id`,
      [subscriptionId, eventId, status, at],
    );
    await sql(
      `INSERT INTO webhook_delivery_attempt (delivery_id, attempt, attempted_at, duration_ms,
                                             status_code, succeeded)
       VALUES ($1, 1, $2, 12, $3, $4)`,
      [row.id, at, status === 'delivered' ? 200 : 500, status === 'delivered'],
    );
    return row.id;
  }

  const exists = async (table: string, id: string) =>
    (await sql(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).length === 1;

  it('purges finished deliveries and fully delivered events older than the retention, and keeps the rest', async () => {
    const oldDelivered = await event(30);
    const oldDeliveredDelivery = await delivery(oldDelivered, 30, 'delivered');
    const oldFailed = await event(20);
    const oldFailedDelivery = await delivery(oldFailed, 20, 'failed');
    // Still owed after 15 days (a receiver down, retries pending): kept, and its event with it.
    const oldPending = await event(15);
    const oldPendingDelivery = await delivery(oldPending, 15, 'pending');
    // Nobody subscribed to it: fanned out to no one 40 days ago.
    const oldUnsubscribed = await event(40);
    // Committed but never fanned out (the dispatcher was down): never purged.
    const neverFannedOut = await event(50, false);
    // Fanned out to webhooks but not yet read by the mail planner: kept until it is.
    const notYetMailed = await event(45, true, false);
    const recent = await event(3);
    const recentDelivery = await delivery(recent, 3, 'delivered');

    const result = await t.app.get(WebhookRetention).purge();

    expect(result).toEqual({ deliveries: 2, events: 3 });
    expect(await exists('outbox_event', notYetMailed)).toBe(true);
    expect(await exists('webhook_delivery', oldDeliveredDelivery)).toBe(false);
    expect(await exists('webhook_delivery', oldFailedDelivery)).toBe(false);
    const attempts = await sql(
      'SELECT 1 FROM webhook_delivery_attempt WHERE delivery_id = ANY($1)',
      [[oldDeliveredDelivery, oldFailedDelivery]],
    );
    expect(attempts).toEqual([]);
    for (const id of [oldDelivered, oldFailed, oldUnsubscribed])
      expect(await exists('outbox_event', id)).toBe(false);

    expect(await exists('webhook_delivery', oldPendingDelivery)).toBe(true);
    expect(await exists('outbox_event', oldPending)).toBe(true);
    expect(await exists('outbox_event', neverFannedOut)).toBe(true);
    expect(await exists('webhook_delivery', recentDelivery)).toBe(true);
    expect(await exists('outbox_event', recent)).toBe(true);
    const kept = await sql('SELECT 1 FROM webhook_delivery_attempt WHERE delivery_id = $1', [
      recentDelivery,
    ]);
    expect(kept).toHaveLength(1);

    // A second purge finds nothing more to do.
    expect(await t.app.get(WebhookRetention).purge()).toEqual({ deliveries: 0, events: 0 });
  });

  it('keeps 30 days by default and refuses a retention under one day', () => {
    const secret = 'a-secret-that-is-at-least-thirty-two-bytes';
    expect(loadConfig({ JWT_SECRET: secret }).webhooks.deliveryRetentionDays).toBe(30);
    expect(() => loadConfig({ JWT_SECRET: secret, WEBHOOK_DELIVERY_RETENTION_DAYS: '0' })).toThrow(
      /WEBHOOK_DELIVERY_RETENTION_DAYS/,
    );
  });
});
