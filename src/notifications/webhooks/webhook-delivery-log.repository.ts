import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  boolean,
  integer,
  integerOrNull,
  oneOf,
  rowsOf,
  text,
  textOrNull,
  timestamp,
  timestampOrNull,
} from '../../common/sql-rows';
import { DELIVERY_STATUSES, DeliveryStatus } from './dto/webhook-delivery.dto';

export interface DeliveryRow {
  readonly id: string;
  readonly pageKey: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly status: DeliveryStatus;
  readonly attemptCount: number;
  readonly nextAttemptAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly createdAt: Date;
}

export interface AttemptRow {
  readonly deliveryId: string;
  readonly attempt: number;
  readonly attemptedAt: Date;
  readonly durationMs: number;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly succeeded: boolean;
}

/** What was sent to a subscription and every attempt of it, read for the delivery log. */
@Injectable()
export class WebhookDeliveryLogRows {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A subscription's deliveries, newest first, before the keyset position `before`. */
  async deliveries(
    subscriptionId: string,
    before: string | null,
    limit: number,
  ): Promise<DeliveryRow[]> {
    const result: unknown = await this.dataSource.query(
      `SELECT d.id, d.position::text AS page_key, d.event_id, e.type AS event_type, d.status,
              d.attempt_count, d.next_attempt_at, d.delivered_at, d.created_at
         FROM webhook_delivery d JOIN outbox_event e ON e.id = d.event_id
        WHERE d.subscription_id = $1 AND ($2::bigint IS NULL OR d.position < $2::bigint)
        ORDER BY d.position DESC LIMIT $3`,
      [subscriptionId, before, limit],
    );
    return rowsOf(result, (row) => ({
      id: text(row, 'id'),
      pageKey: text(row, 'page_key'),
      eventId: text(row, 'event_id'),
      eventType: text(row, 'event_type'),
      status: oneOf(row, 'status', DELIVERY_STATUSES),
      attemptCount: integer(row, 'attempt_count'),
      nextAttemptAt: timestampOrNull(row, 'next_attempt_at'),
      deliveredAt: timestampOrNull(row, 'delivered_at'),
      createdAt: timestamp(row, 'created_at'),
    }));
  }

  /** The attempts of these deliveries, by delivery and in order. */
  async attempts(deliveryIds: readonly string[]): Promise<AttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    const result: unknown = await this.dataSource.query(
      `SELECT delivery_id, attempt, attempted_at, duration_ms, status_code, error, succeeded
         FROM webhook_delivery_attempt WHERE delivery_id = ANY ($1::uuid[])
        ORDER BY delivery_id, attempt`,
      [deliveryIds],
    );
    return rowsOf(result, (row) => ({
      deliveryId: text(row, 'delivery_id'),
      attempt: integer(row, 'attempt'),
      attemptedAt: timestamp(row, 'attempted_at'),
      durationMs: integer(row, 'duration_ms'),
      statusCode: integerOrNull(row, 'status_code'),
      error: textOrNull(row, 'error'),
      succeeded: boolean(row, 'succeeded'),
    }));
  }
}
