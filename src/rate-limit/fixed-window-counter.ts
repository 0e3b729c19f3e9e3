import { DataSource } from 'typeorm';

/** Tables of counters shaped `(key, window_start, hits, expires_at)`, keyed by `key`. */
export type CounterTable = 'rate_limit_bucket' | 'case_token_failure';

export interface WindowCount {
  /** Hits in the current window, this one included. */
  readonly hits: number;
  /** Until the window closes, at least 1. */
  readonly secondsLeft: number;
}

/**
 * Fixed windows counted in PostgreSQL, so that every instance counts against the same limit
 * (nothing another instance needs lives in process memory). A key's first hit opens its window;
 * the first hit after it closed opens the next one.
 */
export class FixedWindowCounter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly table: CounterTable,
  ) {}

  /** One atomic upsert per hit: concurrent hits on any instance are all counted. */
  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO ${this.table} AS b (key, window_start, hits, expires_at)
       VALUES ($1, now(), 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN b.expires_at > now() THEN b.hits + 1 ELSE 1 END,
         window_start = CASE WHEN b.expires_at > now() THEN b.window_start ELSE now() END,
         expires_at = CASE WHEN b.expires_at > now() THEN b.expires_at ELSE EXCLUDED.expires_at END
       RETURNING hits, greatest(1, ceil(extract(epoch FROM expires_at - now())))::int AS seconds_left`,
      [key, windowSeconds],
    )) as { hits: number; seconds_left: number }[];
    return { hits: row.hits, secondsLeft: row.seconds_left };
  }

  /** Deletes closed windows in small batches; SKIP LOCKED lets several instances purge at once. */
  async purgeExpired(batchSize = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ n }] = (await this.dataSource.query(
        `WITH doomed AS (
           SELECT key FROM ${this.table} WHERE expires_at < now()
           LIMIT $1 FOR UPDATE SKIP LOCKED
         ), deleted AS (
           DELETE FROM ${this.table} b USING doomed d WHERE b.key = d.key RETURNING 1
         )
         SELECT count(*)::int AS n FROM deleted`,
        [batchSize],
      )) as { n: number }[];
      total += n;
      if (n < batchSize) return total;
    }
  }
}
