import { ApiProperty } from '@nestjs/swagger';
import { ApiNextCursor } from './webhook.dto';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export class WebhookAttemptDto {
  @ApiProperty({ example: 1 }) attempt!: number;
  @ApiProperty({ example: '2026-11-23T10:00:01.000Z' }) attemptedAt!: string;
  @ApiProperty({ example: 84 }) durationMs!: number;
  @ApiProperty({ type: Number, nullable: true, example: 500, description: 'null when no answer' })
  statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'the receiver answered 500' })
  error!: string | null;
  @ApiProperty({ example: false }) succeeded!: boolean;
}

export class WebhookDeliveryDto {
  @ApiProperty({ example: '0f8e1c3a-5b7d-4e2f-8a9c-1d3e5f7a9b2c' }) id!: string;
  @ApiProperty({ example: '7d0c0f3e-2f4b-4a0e-9a57-0d1c7c1b2e11', description: 'Webhook-Id' })
  eventId!: string;
  @ApiProperty({ example: 'case.submitted' }) eventType!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'delivered' }) status!: DeliveryStatus;
  @ApiProperty({ example: 2 }) attemptCount!: number;
  @ApiProperty({ type: String, nullable: true, example: null }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-23T10:00:07.000Z' })
  deliveredAt!: string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ type: [WebhookAttemptDto], description: 'Every attempt, first to last' })
  attempts!: WebhookAttemptDto[];
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items!: WebhookDeliveryDto[];
  @ApiNextCursor() nextCursor!: string | null;
}
