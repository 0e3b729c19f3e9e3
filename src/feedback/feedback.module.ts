import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseTokenModule } from '../cases/access/case-token.module';
import { CorrectiveActionsService } from './corrective-actions.service';
import { CustomerFeedbackController } from './customer-feedback.controller';
import { FeedbackService } from './feedback.service';
import { SuggestionsAdminController } from './suggestions-admin.controller';
import { SuggestionsService } from './suggestions.service';

/** Satisfaction ratings, suggestions and the corrective-action register. */
@Module({
  imports: [CasesModule, CaseTokenModule],
  controllers: [CustomerFeedbackController, SuggestionsAdminController],
  providers: [FeedbackService, SuggestionsService, CorrectiveActionsService],
  exports: [FeedbackService],
})
export class FeedbackModule {}
