import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { lockCase } from '../cases/case-lock';
import { ProposalClosureService } from './proposal-closure.service';
import { ProposalsRepository } from './proposals.repository';

const BATCH = 200;

/**
 * Stores `expired` on open proposals whose time ran out with nobody touching them again, so that
 * the record, the remedies on offer and the `proposal.expired` event do not wait for the next
 * proposal or answer. It reads only open proposals past their expiry (a partial index), and each
 * expiry is its own small transaction behind the case lock, like every other proposal write: with
 * several instances, the conditional update lets exactly one of them store it.
 */
@Injectable()
export class ProposalExpirySweepService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly closure: ProposalClosureService,
    private readonly proposals: ProposalsRepository,
  ) {}

  /** How many proposals this run stored as expired. */
  async run(): Promise<number> {
    let expired = 0;
    for (;;) {
      const due = await this.proposals.dueForExpiry(BATCH);
      let storedThisBatch = 0;
      for (const proposal of due) {
        const stored = await this.dataSource.transaction(async (manager) =>
          this.closure.expire(manager, await lockCase(manager, proposal.caseId), proposal.id),
        );
        if (stored) storedThisBatch += 1;
      }
      expired += storedThisBatch;
      // Another instance took the rest of this batch, or there is nothing more to do.
      if (due.length < BATCH || storedThisBatch === 0) return expired;
    }
  }
}
