import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  FixedWindowCounterRepository,
  WindowCount,
} from '../../rate-limit/fixed-window-counter.repository';

const ONE_HOUR_SECONDS = 3600;

/** Hashed so that the table holds fixed-size keys whatever a client puts in the path. */
function keyOf(reference: string): string {
  return createHash('sha256').update(`case-token:${reference}`).digest('hex');
}

/** Wrong case access tokens per case reference, one window of an hour opened by the first. */
@Injectable()
export class CaseTokenFailuresRepository {
  private readonly counter: FixedWindowCounterRepository;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.counter = new FixedWindowCounterRepository(dataSource, 'case_token_failure');
  }

  record(reference: string): Promise<WindowCount> {
    return this.counter.hit(keyOf(reference), ONE_HOUR_SECONDS);
  }

  purgeExpired(): Promise<number> {
    return this.counter.purgeExpired();
  }
}
