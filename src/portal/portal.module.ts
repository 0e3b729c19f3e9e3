import { Module } from '@nestjs/common';
import { CaseTokenModule } from '../cases/access/case-token.module';
import { CasesModule } from '../cases/cases.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { DocumentsModule } from '../documents/documents.module';
import { EscalationModule } from '../escalation/escalation.module';
import { FeedbackModule } from '../feedback/feedback.module';
import { MailModule } from '../mail/mail.module';
import { MediationModule } from '../mediation/mediation.module';
import { ViewsModule } from '../views/views.module';
import { PortalAssetsController } from './portal-assets.controller';
import { PortalCaseController } from './portal-case.controller';
import { PortalCaseRepository } from './portal-case.repository';
import { PortalPublicController } from './portal-public.controller';
import { PortalSessionsRepository } from './session/portal-sessions.repository';
import { PortalSessions } from './session/portal-sessions';

/** The customer pages (docs/architecture.md, "HTTP edges"): HTML over the customer's services. */
@Module({
  imports: [
    CasesModule,
    CaseTokenModule,
    EscalationModule,
    MediationModule,
    DecisionsModule,
    FeedbackModule,
    DocumentsModule,
    MailModule,
    ViewsModule,
  ],
  controllers: [PortalPublicController, PortalCaseController, PortalAssetsController],
  providers: [PortalSessionsRepository, PortalSessions, PortalCaseRepository],
})
export class PortalModule {}
