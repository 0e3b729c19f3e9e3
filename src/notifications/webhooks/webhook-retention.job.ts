import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { WebhookRetention } from './webhook-retention';

const JOB = 'webhook-retention';
const HOURLY_MS = 3_600_000;

/**
 * Purges old webhook deliveries and delivered outbox events every hour, on every instance where
 * the dispatcher runs (so not under test, where tests call `purge`). Retention is counted in
 * days: an hour's lag is nothing, and a missed run is caught up by the next.
 */
@Injectable()
export class WebhookRetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookRetentionJob.name);
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly retention: WebhookRetention,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.webhooks.dispatchIntervalMs > 0) {
      const timer = setInterval(() => void this.tick(), HOURLY_MS);
      timer.unref();
      this.scheduler.addInterval(JOB, timer);
    }
  }

  onModuleDestroy(): void {
    if (this.scheduler.doesExist('interval', JOB)) this.scheduler.deleteInterval(JOB);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.retention.purge();
    } catch (error) {
      this.logger.error(`Webhook retention purge failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
