import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CompensationModule } from '../compensation/compensation.module';
import { MediationService } from './mediation.service';
import { ProposalClosure } from './proposal-closure';
import { ProposalExpiryJob } from './proposal-expiry.job';
import { ProposalExpirySweep } from './proposal-expiry.sweep';
import { ProposalsController } from './proposals.controller';

/** Mediation proposals and settlements. */
@Module({
  imports: [CasesModule, CompensationModule],
  controllers: [ProposalsController],
  providers: [MediationService, ProposalClosure, ProposalExpirySweep, ProposalExpiryJob],
  exports: [MediationService, ProposalClosure, ProposalExpirySweep],
})
export class MediationModule {}
