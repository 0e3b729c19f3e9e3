import { Client } from 'pg';

/** What the database's backends were doing, and the service's pool, over a load run. */
export interface WaitSummary {
  readonly samples: number;
  /** Mean busy backends per sample by wait ("CPU" when on CPU), most first. */
  readonly waits: readonly { readonly wait: string; readonly mean: number }[];
  /** The same by wait and statement start, most first (for reading, not for the line). */
  readonly statements: readonly { readonly key: string; readonly mean: number }[];
  readonly poolWaitingMean: number;
  readonly poolWaitingMax: number;
  readonly poolInUseMean: number;
}

/**
 * Samples pg_stat_activity of one database every `everyMs` and the service's connection-pool
 * gauges (`/metrics`, served to this machine without a token) every `metricsEveryMs` until stopped: where a slow phase
 * waits, on a lock, on the client, or on the pool, measured instead of guessed.
 */
export function sampleWaits(
  databaseUrl: string,
  database: string,
  serviceUrl: string,
  everyMs = 100,
  metricsEveryMs = 500,
): { stop(): Promise<WaitSummary> } {
  const db = new Client({ connectionString: databaseUrl });
  const waits = new Map<string, number>();
  const statements = new Map<string, number>();
  const pool = { waitingSum: 0, waitingMax: 0, inUseSum: 0, reads: 0 };
  let samples = 0;
  let stopped = false;
  let metricsAt = 0;
  const add = (map: Map<string, number>, key: string, n: number) =>
    map.set(key, (map.get(key) ?? 0) + n);
  const sampleOnce = async () => {
    const { rows } = await db.query<{ wait: string; statement: string; n: number }>(
      `SELECT CASE WHEN state = 'idle in transaction' THEN 'Client:idle-in-transaction'
                   ELSE coalesce(wait_event_type || ':' || wait_event, 'CPU') END AS wait,
              left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS statement, count(*)::int AS n
         FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND state <> 'idle'
        GROUP BY 1, 2`,
      [database],
    );
    samples += 1;
    for (const row of rows) {
      add(waits, row.wait, row.n);
      add(statements, `${row.wait} ${row.statement}`, row.n);
    }
    // The scrape costs the service some CPU: rarer than the database samples.
    if (Date.now() - metricsAt < metricsEveryMs) return;
    metricsAt = Date.now();
    const metrics = await fetch(`${serviceUrl}/metrics`).then((r) => r.text());
    const gauge = (name: string) =>
      Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN);
    const waiting = gauge('ombudsman_db_pool_waiting_requests');
    const inUse = gauge('ombudsman_db_pool_connections_in_use');
    if (Number.isFinite(waiting) && Number.isFinite(inUse)) {
      pool.reads += 1;
      pool.waitingSum += waiting;
      pool.waitingMax = Math.max(pool.waitingMax, waiting);
      pool.inUseSum += inUse;
    }
  };
  const running = (async () => {
    await db.connect();
    while (!stopped) {
      await sampleOnce().catch(() => undefined);
      await new Promise((done) => setTimeout(done, everyMs));
    }
    await db.end();
  })();
  const ranked = (map: Map<string, number>) =>
    [...map.entries()]
      .map(([key, n]) => ({ key, mean: n / Math.max(samples, 1) }))
      .sort((a, b) => b.mean - a.mean);
  return {
    async stop() {
      stopped = true;
      await running;
      return {
        samples,
        waits: ranked(waits).map(({ key, mean }) => ({ wait: key, mean })),
        statements: ranked(statements).slice(0, 12),
        poolWaitingMean: pool.waitingSum / Math.max(pool.reads, 1),
        poolWaitingMax: pool.waitingMax,
        poolInUseMean: pool.inUseSum / Math.max(pool.reads, 1),
      };
    },
  };
}

/** `wait=mean,…` of the top waits, for a result line. */
export function waitsField(summary: WaitSummary, top = 4): string {
  return summary.waits
    .slice(0, top)
    .map((w) => `${w.wait}:${w.mean.toFixed(1)}`)
    .join(',');
}
