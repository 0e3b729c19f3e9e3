import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface DomainEvent {
  /** `case.submitted`, `case.status_changed`, … */
  readonly type: string;
  readonly aggregateType: string;
  /** The aggregate's public reference where it has one (`OMB-2026-000001`). */
  readonly aggregateId: string;
  readonly payload: Record<string, unknown>;
}

/** Records domain events in the caller's transaction; the dispatcher delivers them later. */
@Injectable()
export class OutboxService {
  async record(manager: EntityManager, event: DomainEvent): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, payload) VALUES ($1, $2, $3, $4, $5)`,
      [id, event.type, event.aggregateType, event.aggregateId, JSON.stringify(event.payload)],
    );
    return id;
  }
}
