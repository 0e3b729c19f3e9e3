import { Module } from '@nestjs/common';
import { DeadlinesService } from './deadlines.service';
import { SlaCalendarsController } from './calendars/sla-calendars.controller';
import { SlaCalendars } from './calendars/sla-calendars.service';
import { SlaPoliciesController } from './policies/sla-policies.controller';
import { SlaPolicies } from './policies/sla-policies.service';
import { SlaTermsCache } from './policies/sla-terms.cache';
import { SlaSweep } from './sweep/sla-sweep';
import { SlaSweepJob } from './sweep/sla-sweep.job';

/**
 * Deadlines of cases, the policies that date them, the calendars they count in and the sweep that
 * flags them. It knows no case: what a breach does to a case is the case core's, through a port.
 */
@Module({
  controllers: [SlaCalendarsController, SlaPoliciesController],
  providers: [DeadlinesService, SlaPolicies, SlaCalendars, SlaTermsCache, SlaSweep, SlaSweepJob],
  exports: [DeadlinesService, SlaPolicies, SlaSweep],
})
export class SlaModule {}
