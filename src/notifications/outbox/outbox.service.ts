import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OutboxEvents } from './outbox-events.repository';

export interface DomainEvent {
  /** `case.submitted`, `case.status_changed`, … */
  readonly type: string;
  readonly aggregateType: string;
  /** The aggregate's public reference where it has one (`OMB-2026-000001`). */
  readonly aggregateId: string;
  readonly payload: Record<string, unknown>;
}

/** Records domain events in the caller's transaction; the dispatchers deliver them later. */
@Injectable()
export class OutboxService {
  constructor(private readonly events: OutboxEvents) {}

  async record(manager: EntityManager, event: DomainEvent): Promise<string> {
    const id = randomUUID();
    await this.events.insert(manager, { id, ...event });
    return id;
  }
}
