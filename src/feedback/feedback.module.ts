import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseTokenGuard } from '../escalation/case-token.guard';
import { CorrectiveActionsService } from './corrective-actions.service';
import { CustomerFeedbackController } from './customer-feedback.controller';
import { FeedbackService } from './feedback.service';
import { SuggestionsAdminController } from './suggestions-admin.controller';
import { SuggestionsService } from './suggestions.service';

/** Satisfaction ratings, suggestions and the corrective-action register (DESIGN §5, rights 2, 9). */
@Module({
  imports: [CasesModule],
  controllers: [CustomerFeedbackController, SuggestionsAdminController],
  providers: [FeedbackService, SuggestionsService, CorrectiveActionsService, CaseTokenGuard],
})
export class FeedbackModule {}
