import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CompensationModule } from '../compensation/compensation.module';
import { MediationModule } from '../mediation/mediation.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';
import { StrandedRevisions } from './stranded-revisions';
import { SlaModule } from '../sla/sla.module';

/** Decisions and their revisions. */
@Module({
  imports: [SlaModule, CasesModule, CompensationModule, MediationModule],
  controllers: [DecisionsController],
  providers: [DecisionsService, StrandedRevisions],
  exports: [DecisionsService],
})
export class DecisionsModule {}
