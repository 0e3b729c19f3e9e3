import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '../../common/scheduling/interval-job';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { SlaSweep } from './sla-sweep';

/** Runs the sweep on every instance every `SLA_SWEEP_INTERVAL_MS` (0: never, as under test). */
@Injectable()
export class SlaSweepJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: IntervalJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    scheduler: SchedulerRegistry,
    sweep: SlaSweep,
  ) {
    this.job = new IntervalJob(scheduler, 'sla-sweep', () => sweep.run());
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.sla.sweepIntervalMs);
  }

  onModuleDestroy(): void {
    this.job.stop();
  }
}
