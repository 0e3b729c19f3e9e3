import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, toPage } from '../../common/pagination/cursor';
import { DeliveryStatus, WebhookAttemptDto, WebhookDeliveryDto } from './dto/webhook-delivery.dto';
import { decodePositionCursor } from './position-cursor';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

interface DeliveryRow {
  id: string;
  page_key: string;
  event_id: string;
  event_type: string;
  status: DeliveryStatus;
  attempt_count: number;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

interface AttemptRow {
  delivery_id: string;
  attempt: number;
  attempted_at: Date;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  succeeded: boolean;
}

const DEFAULT_LIMIT = 25;

/** What was sent to a subscription, newest first, with every attempt of each delivery. */
@Injectable()
export class WebhookDeliveryLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptionsService,
  ) {}

  async list(
    subscriptionId: string,
    limit = DEFAULT_LIMIT,
    cursor?: string,
  ): Promise<Page<WebhookDeliveryDto>> {
    await this.subscriptions.find(subscriptionId);
    const after = cursor === undefined ? null : decodePositionCursor(cursor);
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.position::text AS page_key, d.event_id, e.type AS event_type, d.status, d.attempt_count,
              d.next_attempt_at, d.delivered_at, d.created_at
         FROM webhook_delivery d JOIN outbox_event e ON e.id = d.event_id
        WHERE d.subscription_id = $1 AND ($2::bigint IS NULL OR d.position < $2::bigint)
        ORDER BY d.position DESC LIMIT $3`,
      [subscriptionId, after, limit + 1],
    )) as DeliveryRow[];
    const attempts = await this.attemptsOf(rows.slice(0, limit).map((row) => row.id));
    return toPage(
      rows,
      limit,
      (row) => toDto(row, attempts.get(row.id) ?? []),
      (row) => [row.page_key],
    );
  }

  private async attemptsOf(deliveryIds: string[]): Promise<Map<string, WebhookAttemptDto[]>> {
    const byDelivery = new Map<string, WebhookAttemptDto[]>();
    if (deliveryIds.length === 0) return byDelivery;
    const rows = (await this.dataSource.query(
      `SELECT delivery_id, attempt, attempted_at, duration_ms, status_code, error, succeeded
         FROM webhook_delivery_attempt WHERE delivery_id = ANY ($1::uuid[])
        ORDER BY delivery_id, attempt`,
      [deliveryIds],
    )) as AttemptRow[];
    for (const row of rows) {
      const list = byDelivery.get(row.delivery_id) ?? [];
      list.push({
        attempt: row.attempt,
        attemptedAt: row.attempted_at.toISOString(),
        durationMs: row.duration_ms,
        statusCode: row.status_code,
        error: row.error,
        succeeded: row.succeeded,
      });
      byDelivery.set(row.delivery_id, list);
    }
    return byDelivery;
  }
}

function toDto(row: DeliveryRow, attempts: WebhookAttemptDto[]): WebhookDeliveryDto {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attemptCount: row.attempt_count,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    attempts,
  };
}
