import { Module } from '@nestjs/common';
import { DeadlinesService } from './deadlines.service';
import { SlaCalendarsController } from './calendars/sla-calendars.controller';
import { SlaCalendarsService } from './calendars/sla-calendars.service';
import { SlaPoliciesController } from './policies/sla-policies.controller';
import { SlaPoliciesService } from './policies/sla-policies.service';
import { SlaTermsCache } from './policies/sla-terms.cache';
import { SlaSweep } from './sweep/sla-sweep';
import { SlaSweepJob } from './sweep/sla-sweep.job';
import { DeadlinesRepository } from './deadlines.repository';
import { SlaCalendarsRepository } from './calendars/sla-calendars.repository';
import { SlaPoliciesRepository } from './policies/sla-policies.repository';
import { SlaSweepRepository } from './sweep/sla-sweep.repository';

/**
 * Deadlines of cases, the policies that date them, the calendars they count in and the sweep that
 * flags them. It knows no case: what a breach does to a case is the case core's, through a port.
 */
@Module({
  controllers: [SlaCalendarsController, SlaPoliciesController],
  providers: [
    DeadlinesService,
    SlaPoliciesService,
    SlaCalendarsService,
    SlaTermsCache,
    SlaSweep,
    SlaSweepJob,
    DeadlinesRepository,
    SlaCalendarsRepository,
    SlaPoliciesRepository,
    SlaSweepRepository,
  ],
  exports: [DeadlinesService, SlaPoliciesService, SlaSweep],
})
export class SlaModule {}
