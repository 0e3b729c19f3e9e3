import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { BudgetService } from './budget.service';
import { CompanyRemediesController } from './company-remedies.controller';
import { FulfilmentService } from './fulfilment.service';
import { RemedyApprovals } from './remedy-approvals.service';
import { RemedyLedger } from './remedy-ledger.service';
import { RemedyQueries } from './remedy-queries.service';
import { CaseRemediesController, CompensationController } from './remedies.controller';
import { SlaModule } from '../sla/sla.module';
import { RemedyClosure } from './remedy-closure';
import { RemedyClosureRepository } from './remedy-closure.repository';

/** Remedies, authority limits, approvals, fulfilment and the budget. */
@Module({
  imports: [SlaModule, CasesModule],
  controllers: [CaseRemediesController, CompensationController, CompanyRemediesController],
  providers: [
    RemedyLedger,
    BudgetService,
    RemedyApprovals,
    FulfilmentService,
    RemedyQueries,
    RemedyClosure,
    RemedyClosureRepository,
  ],
  exports: [RemedyLedger, BudgetService],
})
export class CompensationModule {}
