import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { IdempotencyService } from './idempotency.service';

const EVERY_TEN_MINUTES = 10 * 60 * 1000;

/** Expired keys are already ignored on lookup; this only keeps the table from growing. */
@Injectable()
export class IdempotencyPurgeJob {
  constructor(private readonly idempotency: IdempotencyService) {}

  @Interval('idempotency-key-purge', EVERY_TEN_MINUTES)
  async purge(): Promise<void> {
    await this.idempotency.purgeExpired();
  }
}
