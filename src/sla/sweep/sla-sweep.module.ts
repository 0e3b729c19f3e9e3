import { Module } from '@nestjs/common';
import { CasesModule } from '../../cases/cases.module';
import { SlaSweep } from './sla-sweep';
import { SlaSweepJob } from './sla-sweep.job';

/** The breach sweep; apart from SlaModule because a lapsed decision changes the case's status. */
@Module({ imports: [CasesModule], providers: [SlaSweep, SlaSweepJob], exports: [SlaSweep] })
export class SlaSweepModule {}
