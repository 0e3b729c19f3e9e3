import { Injectable } from '@nestjs/common';
import { Page, toPage } from '../../common/pagination/cursor';
import { WebhookAttemptDto, WebhookDeliveryDto } from './dto/webhook-delivery.dto';
import { decodePositionCursor } from './position-cursor';
import { DeliveryRow, WebhookDeliveryLogRows } from './webhook-delivery-log.repository';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

const DEFAULT_LIMIT = 25;

/** What was sent to a subscription, newest first, with every attempt of each delivery. */
@Injectable()
export class WebhookDeliveryLogService {
  constructor(
    private readonly rows: WebhookDeliveryLogRows,
    private readonly subscriptions: WebhookSubscriptionsService,
  ) {}

  async list(
    subscriptionId: string,
    limit = DEFAULT_LIMIT,
    cursor?: string,
  ): Promise<Page<WebhookDeliveryDto>> {
    await this.subscriptions.find(subscriptionId);
    const before = cursor === undefined ? null : decodePositionCursor(cursor);
    const deliveries = await this.rows.deliveries(subscriptionId, before, limit + 1);
    const attempts = await this.attemptsOf(deliveries.slice(0, limit).map((row) => row.id));
    return toPage(
      deliveries,
      limit,
      (row) => toDto(row, attempts.get(row.id) ?? []),
      (row) => [row.pageKey],
    );
  }

  private async attemptsOf(deliveryIds: string[]): Promise<Map<string, WebhookAttemptDto[]>> {
    const byDelivery = new Map<string, WebhookAttemptDto[]>();
    for (const row of await this.rows.attempts(deliveryIds)) {
      const list = byDelivery.get(row.deliveryId) ?? [];
      list.push({
        attempt: row.attempt,
        attemptedAt: row.attemptedAt.toISOString(),
        durationMs: row.durationMs,
        statusCode: row.statusCode,
        error: row.error,
        succeeded: row.succeeded,
      });
      byDelivery.set(row.deliveryId, list);
    }
    return byDelivery;
  }
}

function toDto(row: DeliveryRow, attempts: WebhookAttemptDto[]): WebhookDeliveryDto {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attemptCount: row.attemptCount,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    attempts,
  };
}
