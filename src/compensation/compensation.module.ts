import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { BudgetRepository } from './budget.repository';
import { BudgetService } from './budget.service';
import { CaseRemediesController } from './case-remedies.controller';
import { CompanyRemediesController } from './company-remedies.controller';
import { CompensationController } from './compensation.controller';
import { FulfilmentService } from './fulfilment.service';
import { RemediesRepository } from './remedies.repository';
import { RemedyApprovalsRepository } from './remedy-approvals.repository';
import { RemedyApprovalsService } from './remedy-approvals.service';
import { RemedyLedgerService } from './remedy-ledger.service';
import { RemedyQueriesService } from './remedy-queries.service';
import { SlaModule } from '../sla/sla.module';
import { RemedyClosureService } from './remedy-closure.service';
import { RemedyClosureRepository } from './remedy-closure.repository';

/** Remedies, authority limits, approvals, fulfilment and the budget. */
@Module({
  imports: [SlaModule, CasesModule],
  controllers: [CaseRemediesController, CompensationController, CompanyRemediesController],
  providers: [
    RemediesRepository,
    RemedyApprovalsRepository,
    BudgetRepository,
    RemedyLedgerService,
    BudgetService,
    RemedyApprovalsService,
    FulfilmentService,
    RemedyQueriesService,
    RemedyClosureService,
    RemedyClosureRepository,
  ],
  exports: [RemediesRepository, RemedyLedgerService, BudgetService],
})
export class CompensationModule {}
