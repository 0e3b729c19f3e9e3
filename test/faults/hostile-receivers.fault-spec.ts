import { createServer, Server } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { createTestDatabase } from '../support/database';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';
import { call, filing, Instance, staffToken, startInstance } from './support/instances';
import { percentile, reportFigures, setting, sleep } from './support/figures';

const PHASE_MS = setting('FAULT_HOSTILE_PHASE_SECONDS', 12) * 1000;
const ROUNDS = setting('FAULT_HOSTILE_ROUNDS', 2);
const TIMEOUT_MS = 3000;
/** Added to the 20 % allowance: a few ms of scheduling noise on a shared 2-core machine. */
const NOISE_FLOOR_MS = setting('FAULT_HOSTILE_NOISE_MS', 5);

jest.setTimeout(600_000);

/** Receivers that hold the dispatcher: one never answers, one sends 10 MB very slowly. */
async function hostileReceiver(
  kind: 'silent' | 'slow-10mb',
): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    req.resume();
    if (kind === 'silent') return; // reads the request, never answers
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(10 * 1024 * 1024),
    });
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const timer = setInterval(() => {
      if (!res.write(chunk)) return;
    }, 100);
    timers.add(timer);
    res.on('close', () => clearInterval(timer));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${kind}`,
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearInterval);
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

describe('fault: slow and hostile webhook receivers', () => {
  let service: Instance;
  let good: WebhookReceiver;
  const hostile: { url: string; close(): Promise<void> }[] = [];
  /** As many well-behaved receivers as hostile ones: the baseline fans out as much work. */
  const polite: WebhookReceiver[] = [];

  beforeAll(async () => {
    service = await startInstance({
      DATABASE_URL: await createTestDatabase(),
      RATE_LIMIT_PER_MINUTE: '1000000',
      WEBHOOK_DISPATCH_INTERVAL_MS: '200',
      WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    good = await startWebhookReceiver();
    hostile.push(await hostileReceiver('silent'), await hostileReceiver('slow-10mb'));
    for (let i = 0; i < hostile.length; i += 1) polite.push(await startWebhookReceiver());
  });

  afterAll(async () => {
    await service?.terminate();
    await good?.close();
    await Promise.all(hostile.map((h) => h.close()));
    await Promise.all(polite.map((p) => p.close()));
  });

  it('does not slow the staff queue nor the other subscribers', async () => {
    const ombudsman = staffToken('ombudsman', 'oscar');
    const officer = staffToken('ombudsman_officer', 'olga');
    const subscribe = async (url: string) => {
      const res = await call(service.base, 'POST', '/v1/admin/webhooks', {
        token: ombudsman,
        body: { url, events: ['*'], description: 'fault suite' },
      });
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    };
    await subscribe(good.url);
    const extraIds: string[] = [];

    /** Staff queue reads while cases are filed (events for every subscriber). */
    const phase = async () => {
      const queue: number[] = [];
      const start = Date.now();
      const filings = (async () => {
        while (Date.now() - start < PHASE_MS) {
          await call(service.base, 'POST', '/v1/escalations', { body: filing('hostile') });
          await sleep(100);
        }
      })();
      const readers = Array.from({ length: 4 }, async () => {
        while (Date.now() - start < PHASE_MS) {
          const t0 = performance.now();
          const res = await call(service.base, 'GET', '/v1/admin/cases?limit=20', {
            token: officer,
          });
          if (res.status === 200) queue.push(performance.now() - t0);
        }
      });
      await Promise.all([filings, ...readers]);
      return queue;
    };
    /** Time from an event's occurrence to its arrival at the good receiver, for events from `since`. */
    const goodLatency = async (since: number) => {
      await sleep(2000);
      return good.received
        .map((w) => ({ at: w.at, body: JSON.parse(w.body) as { timestamp: string } }))
        .filter((w) => Date.parse(w.body.timestamp) >= since)
        .map((w) => w.at - Date.parse(w.body.timestamp));
    };

    const baseline: number[] = [];
    const withHostile: number[] = [];
    const goodBaseline: number[] = [];
    const goodHostile: number[] = [];
    // Both phases deliver every event to three subscribers: the good one and two others, polite
    // in the baseline, hostile after. What differs is only how the two others behave.
    const swapTo = async (receivers: { url: string }[]) => {
      for (const id of extraIds.splice(0))
        await call(service.base, 'DELETE', `/v1/admin/webhooks/${id}`, { token: ombudsman });
      for (const r of receivers) extraIds.push(await subscribe(r.url));
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      await swapTo(polite);
      let since = Date.now();
      baseline.push(...(await phase()));
      goodBaseline.push(...(await goodLatency(since)));
      await swapTo(hostile);
      since = Date.now();
      withHostile.push(...(await phase()));
      goodHostile.push(...(await goodLatency(since)));
    }
    await swapTo([]);

    const p95Base = percentile(baseline, 95);
    const p95Hostile = percentile(withHostile, 95);
    const goodP95Base = percentile(goodBaseline, 95);
    const goodP95Hostile = percentile(goodHostile, 95);
    reportFigures('hostile-receivers', {
      rounds: ROUNDS,
      phase_s: PHASE_MS / 1000,
      queue_requests: baseline.length + withHostile.length,
      queue_p95_ms_baseline: p95Base.toFixed(1),
      queue_p95_ms_hostile: p95Hostile.toFixed(1),
      queue_ratio: (p95Hostile / p95Base).toFixed(2),
      good_deliveries: goodBaseline.length + goodHostile.length,
      good_p95_ms_baseline: goodP95Base.toFixed(0),
      good_p95_ms_hostile: goodP95Hostile.toFixed(0),
      receiver_timeout_ms: TIMEOUT_MS,
    });

    expect(p95Hostile).toBeLessThanOrEqual(p95Base * 1.2 + NOISE_FLOOR_MS);
    expect(goodHostile.length).toBeGreaterThan(0);
    // The other subscriber is not held behind the hostile ones' timeouts.
    expect(goodP95Hostile).toBeLessThan(goodP95Base + TIMEOUT_MS / 2);
  });
});
