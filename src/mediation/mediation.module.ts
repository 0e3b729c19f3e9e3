import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CompensationModule } from '../compensation/compensation.module';
import { CompanyProposalsController } from './company-proposals.controller';
import { MediationService } from './mediation.service';
import { ProposalsController } from './proposals.controller';

/** Mediation proposals and settlements. */
@Module({
  imports: [CasesModule, CompensationModule],
  controllers: [ProposalsController, CompanyProposalsController],
  providers: [MediationService],
  exports: [MediationService],
})
export class MediationModule {}
