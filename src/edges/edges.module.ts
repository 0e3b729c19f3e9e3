import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { MediationModule } from '../mediation/mediation.module';
import { ViewsModule } from '../views/views.module';
import { CompanyProposalAnswersController } from './company/company-proposal-answers.controller';
import { CompanyCasesController } from './company/company-cases.controller';
import { CaseHandlingController } from './staff/case-handling.controller';
import { CaseQueueController } from './staff/case-queue.controller';
import { CaseRecordsController } from './staff/case-records.controller';
import { CasesController } from './staff/cases.controller';

/**
 * The staff and company routes of a case: commands of the case core answered with a read model.
 * The customer's routes are the other edge (src/escalation).
 */
@Module({
  imports: [CasesModule, MediationModule, ViewsModule],
  controllers: [
    CasesController,
    CaseHandlingController,
    CaseRecordsController,
    CompanyCasesController,
    CaseQueueController,
    CompanyProposalAnswersController,
  ],
})
export class EdgesModule {}
