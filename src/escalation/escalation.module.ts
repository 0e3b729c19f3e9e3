import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ResolutionViewsModule } from '../compensation/views/resolution-views.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { MediationModule } from '../mediation/mediation.module';
import { FrontlineModule } from '../frontline/public/frontline-module';
import { DocumentViewsModule } from '../documents/views/document-views.module';
import { CaseTokenModule } from './case-token.module';
import { CustomerViewBuilder } from './customer-view';
import { EscalationAnswersController } from './escalation-answers.controller';
import { EscalationController } from './escalation.controller';
import { IntakeService } from './intake.service';

@Module({
  imports: [
    CasesModule,
    CaseTokenModule,
    FrontlineModule,
    MediationModule,
    DecisionsModule,
    ResolutionViewsModule,
    DocumentViewsModule,
  ],
  controllers: [EscalationController, EscalationAnswersController],
  providers: [IntakeService, CustomerViewBuilder],
})
export class EscalationModule {}
