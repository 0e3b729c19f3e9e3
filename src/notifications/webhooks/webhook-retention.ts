import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { WebhookRetentionRows } from './webhook-retention.repository';

export interface PurgeResult {
  readonly deliveries: number;
  readonly events: number;
}

const BATCH = 1_000;
const DAY_MS = 86_400_000;

/**
 * Keeps the delivery log and the outbox to WEBHOOK_DELIVERY_RETENTION_DAYS: both grow with every
 * event forever otherwise. The audit log, not the outbox, is the record of what happened, so an
 * event whose deliveries are done and gone has nothing left to do. Batches of BATCH rows, each
 * its own statement with SKIP LOCKED, so instances purging at once share the work and nothing
 * holds many locks for long.
 */
@Injectable()
export class WebhookRetention {
  private readonly logger = new Logger('WebhookRetention');

  constructor(
    private readonly rows: WebhookRetentionRows,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async purge(now: Date = new Date()): Promise<PurgeResult> {
    const cutoff = new Date(now.getTime() - this.config.webhooks.deliveryRetentionDays * DAY_MS);
    const deliveries = await this.drain((batch) => this.rows.purgeDeliveries(cutoff, batch));
    const events = await this.drain((batch) => this.rows.purgeEvents(cutoff, batch));
    if (deliveries + events > 0) {
      this.logger.log(`purged ${deliveries} webhook deliveries and ${events} outbox events`);
    }
    return { deliveries, events };
  }

  private async drain(purgeBatch: (batch: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const purged = await purgeBatch(BATCH);
      total += purged;
      if (purged < BATCH) return total;
    }
  }
}
