import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ViewsModule } from '../views/views.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { MediationModule } from '../mediation/mediation.module';
import { FrontlineModule } from '../frontline/public/frontline-module';
import { CaseTokenModule } from '../cases/access/case-token.module';
import { CustomerDecisionAnswersController } from './customer-decision-answers.controller';
import { CustomerProposalAnswersController } from './customer-proposal-answers.controller';
import { EscalationController } from './escalation.controller';
import { IntakeService } from './intake.service';

@Module({
  imports: [
    CasesModule,
    CaseTokenModule,
    FrontlineModule,
    MediationModule,
    DecisionsModule,
    ViewsModule,
  ],
  controllers: [
    EscalationController,
    CustomerProposalAnswersController,
    CustomerDecisionAnswersController,
  ],
  providers: [IntakeService],
  // The customer pages (src/portal) file through the same intake.
  exports: [IntakeService],
})
export class EscalationModule {}
