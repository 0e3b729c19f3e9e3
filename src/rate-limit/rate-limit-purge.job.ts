import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { getStorageToken } from '@nestjs/throttler';
import { PostgresThrottlerStorage } from './postgres-throttler.storage';

const EVERY_TEN_MINUTES = 10 * 60 * 1000;

/** A closed window is reset by the client's next request anyway; this only bounds the table. */
@Injectable()
export class RateLimitPurgeJob {
  constructor(@Inject(getStorageToken()) private readonly storage: PostgresThrottlerStorage) {}

  @Interval('rate-limit-bucket-purge', EVERY_TEN_MINUTES)
  async purge(): Promise<void> {
    await this.storage.purgeExpired();
  }
}
