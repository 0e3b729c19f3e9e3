import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '../common/scheduling/interval-job';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { KpiCompactionRepository } from './kpi-compaction.repository';

const EVERY_MS = 60_000;

/**
 * Folds the KPI deltas into their months every minute wherever the background sweep runs (not
 * under test, where tests call `compact`). The reports are exact without it; it only keeps the
 * deltas a report sums few.
 */
@Injectable()
export class KpiCompactionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: IntervalJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    scheduler: SchedulerRegistry,
    aggregates: KpiCompactionRepository,
  ) {
    this.job = new IntervalJob(scheduler, 'kpi-compaction', () => aggregates.compact());
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.sla.sweepIntervalMs > 0 ? EVERY_MS : 0);
  }

  onModuleDestroy(): void {
    this.job.stop();
  }
}
