import { DataSource } from 'typeorm';
import { insertedRowOf, integer } from '../common/sql-rows';

/** Tables of counters shaped `(key, window_start, hits, expires_at)`, keyed by `key`. */
export type CounterTable = 'rate_limit_bucket' | 'case_token_failure';

export interface WindowCount {
  /** Hits in the current window, this one included. */
  readonly hits: number;
  /** Until the window closes, at least 1. */
  readonly secondsLeft: number;
  /** Until the window closes, in milliseconds (0 when it just closed). */
  readonly msLeft: number;
}

/**
 * Fixed windows counted in PostgreSQL, so that every instance counts against the same limit
 * (nothing another instance needs lives in process memory). A key's first hit opens its window;
 * the first hit after it closed opens the next one.
 */
export class FixedWindowCounterRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly table: CounterTable,
  ) {}

  /**
   * One atomic upsert per call: concurrent hits on any instance are all counted. `count` hits at
   * once reserve a share of the window for one instance (src/rate-limit/window-allowances.ts).
   */
  async hit(key: string, windowSeconds: number, count = 1): Promise<WindowCount> {
    return insertedRowOf(
      await this.dataSource.query(
        `INSERT INTO ${this.table} AS b (key, window_start, hits, expires_at)
       VALUES ($1, now(), $3, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN b.expires_at > now() THEN b.hits + $3 ELSE $3 END,
         window_start = CASE WHEN b.expires_at > now() THEN b.window_start ELSE now() END,
         expires_at = CASE WHEN b.expires_at > now() THEN b.expires_at ELSE EXCLUDED.expires_at END
       RETURNING hits, greatest(1, ceil(extract(epoch FROM expires_at - now())))::int AS seconds_left,
         greatest(0, floor(extract(epoch FROM expires_at - now()) * 1000))::int AS ms_left`,
        [key, windowSeconds, count],
      ),
      (row) => ({
        hits: integer(row, 'hits'),
        secondsLeft: integer(row, 'seconds_left'),
        msLeft: integer(row, 'ms_left'),
      }),
    );
  }

  /** Deletes closed windows in small batches; SKIP LOCKED lets several instances purge at once. */
  async purgeExpired(batchSize = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const n = insertedRowOf(
        await this.dataSource.query(
          `WITH doomed AS (
           SELECT key FROM ${this.table} WHERE expires_at < now()
           LIMIT $1 FOR UPDATE SKIP LOCKED
         ), deleted AS (
           DELETE FROM ${this.table} b USING doomed d WHERE b.key = d.key RETURNING 1
         )
         SELECT count(*)::int AS n FROM deleted`,
          [batchSize],
        ),
        (row) => integer(row, 'n'),
      );
      total += n;
      if (n < batchSize) return total;
    }
  }
}
