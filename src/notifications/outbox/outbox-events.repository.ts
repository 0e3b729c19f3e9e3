import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface OutboxRow {
  readonly id: string;
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly payload: Record<string, unknown>;
}

/** The outbox table: events written in the caller's transaction, read by the dispatchers. */
@Injectable()
export class OutboxEvents {
  async insert(manager: EntityManager, event: OutboxRow): Promise<void> {
    await manager.query(
      `INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, payload)
       VALUES ($1, $2, $3, $4, $5)`,
      [event.id, event.type, event.aggregateType, event.aggregateId, JSON.stringify(event.payload)],
    );
  }
}
