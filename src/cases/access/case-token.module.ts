import { Module } from '@nestjs/common';
import { CasesModule } from '../cases.module';
import { CaseTokenFailuresRepository } from './case-token-failures.repository';
import { CaseTokenFailuresPurgeJob } from './case-token-failures.purge.job';
import { CaseTokenGuard } from './case-token.guard';

/**
 * What a module with `@CaseTokenAuth()` routes imports: the guard and what it needs. The purge
 * job is registered here once, however many modules import this one.
 */
@Module({
  imports: [CasesModule],
  providers: [CaseTokenGuard, CaseTokenFailuresRepository, CaseTokenFailuresPurgeJob],
  exports: [CaseTokenGuard, CaseTokenFailuresRepository, CasesModule],
})
export class CaseTokenModule {}
