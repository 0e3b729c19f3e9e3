import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface BucketRow {
  hits: number;
  seconds_left: number;
}

/**
 * Counts requests in PostgreSQL so every instance sees the same count (DESIGN §10: nothing another
 * instance needs lives in process memory). One fixed window per client, opened by its first
 * request; a client over the limit is refused until its window closes.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  /** One atomic upsert per request: concurrent requests on any instance never lose a hit. */
  async increment(key: string, ttlMs: number, limit: number): Promise<ThrottlerStorageRecord> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO rate_limit_bucket AS b (key, window_start, hits, expires_at)
       VALUES ($1, now(), 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN b.expires_at > now() THEN b.hits + 1 ELSE 1 END,
         window_start = CASE WHEN b.expires_at > now() THEN b.window_start ELSE now() END,
         expires_at = CASE WHEN b.expires_at > now() THEN b.expires_at ELSE EXCLUDED.expires_at END
       RETURNING hits, greatest(1, ceil(extract(epoch FROM expires_at - now())))::int AS seconds_left`,
      [key, ttlMs / 1000],
    )) as BucketRow[];
    const isBlocked = row.hits > limit;
    return {
      totalHits: row.hits,
      timeToExpire: row.seconds_left,
      isBlocked,
      timeToBlockExpire: isBlocked ? row.seconds_left : 0,
    };
  }

  /** Deletes closed windows in small batches; SKIP LOCKED lets several instances purge at once. */
  async purgeExpired(batchSize = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ n }] = (await this.dataSource.query(
        `WITH doomed AS (
           SELECT key FROM rate_limit_bucket WHERE expires_at < now()
           LIMIT $1 FOR UPDATE SKIP LOCKED
         ), deleted AS (
           DELETE FROM rate_limit_bucket b USING doomed d WHERE b.key = d.key RETURNING 1
         )
         SELECT count(*)::int AS n FROM deleted`,
        [batchSize],
      )) as { n: number }[];
      total += n;
      if (n < batchSize) return total;
    }
  }
}
