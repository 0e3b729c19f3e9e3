import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CompensationModule } from '../compensation/compensation.module';
import { MediationModule } from '../mediation/mediation.module';
import { DecisionAnswersService } from './decision-answers.service';
import { DecisionPublicationService } from './decision-publication.service';
import { DecisionsController } from './decisions.controller';
import { DecisionsRepository } from './decisions.repository';
import { DecisionsService } from './decisions.service';
import { StrandedRevisionsService } from './stranded-revisions.service';
import { SlaModule } from '../sla/sla.module';

/** Decisions, their revisions and the customer's answer. */
@Module({
  imports: [SlaModule, CasesModule, CompensationModule, MediationModule],
  controllers: [DecisionsController],
  providers: [
    DecisionsRepository,
    DecisionsService,
    DecisionPublicationService,
    DecisionAnswersService,
    StrandedRevisionsService,
  ],
  exports: [DecisionsRepository, DecisionAnswersService],
})
export class DecisionsModule {}
