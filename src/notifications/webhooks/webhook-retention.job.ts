import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '../../common/scheduling/interval-job';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { WebhookRetention } from './webhook-retention';

const HOURLY_MS = 3_600_000;

/**
 * Purges old webhook deliveries and delivered outbox events every hour, on every instance where
 * the dispatcher runs (so not under test, where tests call `purge`). Retention is counted in
 * days: an hour's lag is nothing, and a missed run is caught up by the next.
 */
@Injectable()
export class WebhookRetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: IntervalJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    scheduler: SchedulerRegistry,
    retention: WebhookRetention,
  ) {
    this.job = new IntervalJob(scheduler, 'webhook-retention', () => retention.purge());
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.webhooks.dispatchIntervalMs > 0 ? HOURLY_MS : 0);
  }

  onModuleDestroy(): void {
    this.job.stop();
  }
}
