import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseTokenModule } from '../cases/access/case-token.module';
import { CorrectiveActionsRepository } from './corrective-actions.repository';
import { CorrectiveActionsService } from './corrective-actions.service';
import { CustomerFeedbackController } from './customer-feedback.controller';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';
import { SuggestionsAdminController } from './suggestions-admin.controller';
import { SuggestionsRepository } from './suggestions.repository';
import { SuggestionsService } from './suggestions.service';

/** Satisfaction ratings, suggestions and the corrective-action register. */
@Module({
  imports: [CasesModule, CaseTokenModule],
  controllers: [CustomerFeedbackController, SuggestionsAdminController],
  providers: [
    FeedbackRepository,
    FeedbackService,
    SuggestionsRepository,
    SuggestionsService,
    CorrectiveActionsRepository,
    CorrectiveActionsService,
  ],
  exports: [FeedbackService],
})
export class FeedbackModule {}
