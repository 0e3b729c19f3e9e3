import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { json, rowsOf, text, timestamp } from '../common/sql-rows';
import type { MailEvent } from './mail-plan';

/** An outbox event as the planner reads it, with the aggregate it is about. */
export interface UnplannedEvent extends MailEvent {
  /** The case reference. */
  readonly aggregateId: string;
}

/** The mail planner's side of the outbox: events not yet planned, and marking them planned. */
@Injectable()
export class MailOutbox {
  /** Locks up to `limit` unplanned events no other instance holds, oldest first. */
  async takeUnplanned(manager: EntityManager, limit: number): Promise<UnplannedEvent[]> {
    const result: unknown = await manager.query(
      `SELECT id, type, aggregate_id, payload, occurred_at FROM outbox_event
        WHERE mail_planned_at IS NULL ORDER BY position LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rowsOf(result, (row) => ({
      id: text(row, 'id'),
      type: text(row, 'type'),
      aggregateId: text(row, 'aggregate_id'),
      // jsonb the outbox wrote from an object.
      payload: json(row, 'payload') as Record<string, unknown>,
      occurredAt: timestamp(row, 'occurred_at'),
    }));
  }

  async markPlanned(manager: EntityManager, ids: readonly string[], now: Date): Promise<void> {
    await manager.query(`UPDATE outbox_event SET mail_planned_at = $2 WHERE id = ANY ($1)`, [
      ids,
      now,
    ]);
  }
}
