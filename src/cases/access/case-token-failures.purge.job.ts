import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { CaseTokenFailuresRepository } from './case-token-failures.repository';

const EVERY_TEN_MINUTES = 10 * 60 * 1000;

/** A closed window is reset by the next failure anyway; this only bounds the table. */
@Injectable()
export class CaseTokenFailuresPurgeJob {
  constructor(private readonly failures: CaseTokenFailuresRepository) {}

  @Interval('case-token-failure-purge', EVERY_TEN_MINUTES)
  async purge(): Promise<void> {
    await this.failures.purgeExpired();
  }
}
