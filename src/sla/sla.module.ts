import { Global, Module } from '@nestjs/common';
import { DeadlinesService } from './deadlines.service';
import { SlaCalendarsController } from './calendars/sla-calendars.controller';
import { SlaCalendars } from './calendars/sla-calendars.service';
import { SlaPoliciesController } from './policies/sla-policies.controller';
import { SlaPolicies } from './policies/sla-policies.service';
import { SlaTermsCache } from './policies/sla-terms.cache';

/** Deadlines of cases, the policies that date them and the calendars they count in. */
@Global()
@Module({
  controllers: [SlaCalendarsController, SlaPoliciesController],
  providers: [DeadlinesService, SlaPolicies, SlaCalendars, SlaTermsCache],
  exports: [DeadlinesService, SlaPolicies],
})
export class SlaModule {}
