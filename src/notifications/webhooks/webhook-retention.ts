import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

export interface PurgeResult {
  readonly deliveries: number;
  readonly events: number;
}

const BATCH = 1_000;
const DAY_MS = 86_400_000;

// Finished deliveries (delivered, failed, cancelled) created before the cutoff, with their
// attempts; a pending one is still owed and stays whatever its age. ix_webhook_delivery_finished.
const PURGE_DELIVERIES = `
  WITH old AS (
    SELECT id FROM webhook_delivery
     WHERE status <> 'pending' AND created_at < $1
     ORDER BY created_at LIMIT $2
     FOR UPDATE SKIP LOCKED
  ), attempts AS (
    DELETE FROM webhook_delivery_attempt a USING old WHERE a.delivery_id = old.id
  )
  DELETE FROM webhook_delivery d USING old WHERE d.id = old.id RETURNING d.id`;

// Events fanned out before the cutoff with no delivery left: every subscriber has had it (or
// there was none). An event not yet fanned out, or not yet read by the mail planner, is never
// touched. ix_outbox_event_dispatched.
const PURGE_EVENTS = `
  DELETE FROM outbox_event o
   WHERE o.id = ANY (ARRAY(
     SELECT e.id FROM outbox_event e
      WHERE e.dispatched_at < $1 AND e.mail_planned_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id)
      ORDER BY e.dispatched_at LIMIT $2
      FOR UPDATE SKIP LOCKED))
  RETURNING o.id`;

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
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async purge(now: Date = new Date()): Promise<PurgeResult> {
    const cutoff = new Date(now.getTime() - this.config.webhooks.deliveryRetentionDays * DAY_MS);
    const deliveries = await this.drain(PURGE_DELIVERIES, cutoff);
    const events = await this.drain(PURGE_EVENTS, cutoff);
    if (deliveries + events > 0) {
      this.logger.log(`purged ${deliveries} webhook deliveries and ${events} outbox events`);
    }
    return { deliveries, events };
  }

  private async drain(sql: string, cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [rows] = (await this.dataSource.query(sql, [cutoff, BATCH])) as [unknown[], number];
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }
}
