import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { FixedWindowCounterRepository } from './fixed-window-counter.repository';
import { WindowAllowances } from './window-allowances';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Counts requests in PostgreSQL so every instance sees the same count. One fixed window per
 * client, opened by its first request; a client over the limit is refused until its window closes.
 * Hits are reserved in the shared count a few at a time (src/rate-limit/window-allowances.ts).
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private readonly buckets: FixedWindowCounterRepository;
  private readonly allowances: WindowAllowances;

  constructor(dataSource: DataSource) {
    this.buckets = new FixedWindowCounterRepository(dataSource, 'rate_limit_bucket');
    this.allowances = new WindowAllowances((key, seconds, count) =>
      this.buckets.hit(key, seconds, count),
    );
  }

  async increment(key: string, ttlMs: number, limit: number): Promise<ThrottlerStorageRecord> {
    const admission = await this.allowances.admit(key, ttlMs / 1000, limit);
    const { hits, secondsLeft } = admission;
    const isBlocked = !admission.allowed;
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
