import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { BudgetService } from './budget.service';
import { CompanyRemediesController } from './company-remedies.controller';
import { FulfilmentService } from './fulfilment.service';
import { RemedyApprovals } from './remedy-approvals.service';
import { RemedyLedger } from './remedy-ledger.service';
import { RemedyQueries } from './remedy-queries.service';
import { CaseRemediesController, CompensationController } from './remedies.controller';

/** Remedies, authority limits, approvals, fulfilment and the budget. */
@Module({
  imports: [CasesModule],
  controllers: [CaseRemediesController, CompensationController, CompanyRemediesController],
  providers: [RemedyLedger, BudgetService, RemedyApprovals, FulfilmentService, RemedyQueries],
  exports: [RemedyLedger, BudgetService],
})
export class CompensationModule {}
