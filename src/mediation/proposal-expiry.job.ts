import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '../common/scheduling/interval-job';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ProposalExpirySweepService } from './proposal-expiry-sweep.service';

/** Runs the expiry sweep with the deadline sweep's period (`SLA_SWEEP_INTERVAL_MS`; 0: never). */
@Injectable()
export class ProposalExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: IntervalJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    scheduler: SchedulerRegistry,
    sweep: ProposalExpirySweepService,
  ) {
    this.job = new IntervalJob(scheduler, 'proposal-expiry', () => sweep.run());
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.sla.sweepIntervalMs);
  }

  onModuleDestroy(): void {
    this.job.stop();
  }
}
