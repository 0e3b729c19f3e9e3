import { Global, Module } from '@nestjs/common';
import { DeadlinesService } from './deadlines.service';

/** Deadlines of cases; calendars, policies and the sweep grow here. */
@Global()
@Module({ providers: [DeadlinesService], exports: [DeadlinesService] })
export class SlaModule {}
