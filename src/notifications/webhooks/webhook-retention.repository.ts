import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { changedRowsOf } from '../../common/sql-rows';

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

/** Deletes what retention lets go, one batch per statement (SKIP LOCKED: instances share it). */
@Injectable()
export class WebhookRetentionRows {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Deletes up to `batch` finished deliveries created before `cutoff`; answers how many. */
  purgeDeliveries(cutoff: Date, batch: number): Promise<number> {
    return this.purge(PURGE_DELIVERIES, cutoff, batch);
  }

  /** Deletes up to `batch` events every subscriber and the mail planner are done with. */
  purgeEvents(cutoff: Date, batch: number): Promise<number> {
    return this.purge(PURGE_EVENTS, cutoff, batch);
  }

  private async purge(sql: string, cutoff: Date, batch: number): Promise<number> {
    const result: unknown = await this.dataSource.query(sql, [cutoff, batch]);
    return changedRowsOf(result, () => null).length;
  }
}
