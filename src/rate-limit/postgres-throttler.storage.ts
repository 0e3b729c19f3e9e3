import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { FixedWindowCounter } from './fixed-window-counter';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Counts requests in PostgreSQL so every instance sees the same count. One fixed window per
 * client, opened by its first request; a client over the limit is refused until its window closes.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private readonly buckets: FixedWindowCounter;

  constructor(dataSource: DataSource) {
    this.buckets = new FixedWindowCounter(dataSource, 'rate_limit_bucket');
  }

  async increment(key: string, ttlMs: number, limit: number): Promise<ThrottlerStorageRecord> {
    const { hits, secondsLeft } = await this.buckets.hit(key, ttlMs / 1000);
    const isBlocked = hits > limit;
    return {
      totalHits: hits,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
    };
  }

  purgeExpired(batchSize?: number): Promise<number> {
    return this.buckets.purgeExpired(batchSize);
  }
}
