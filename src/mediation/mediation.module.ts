import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CompensationModule } from '../compensation/compensation.module';
import { ProposalAnswersService } from './answers/proposal-answers.service';
import { ProposalClosureService } from './proposal-closure.service';
import { ProposalExpiryJob } from './proposal-expiry.job';
import { ProposalExpirySweepService } from './proposal-expiry-sweep.service';
import { ProposalsController } from './proposals.controller';
import { ProposalsRepository } from './proposals.repository';
import { ProposalsService } from './proposals.service';

/** Mediation proposals, the parties' answers and settlements. */
@Module({
  imports: [CasesModule, CompensationModule],
  controllers: [ProposalsController],
  providers: [
    ProposalsRepository,
    ProposalsService,
    ProposalAnswersService,
    ProposalClosureService,
    ProposalExpirySweepService,
    ProposalExpiryJob,
  ],
  exports: [
    ProposalsRepository,
    ProposalAnswersService,
    ProposalClosureService,
    ProposalExpirySweepService,
  ],
})
export class MediationModule {}
