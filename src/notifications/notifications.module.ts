import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox/outbox.service';
import { OutboxEvents } from './outbox/outbox-events.repository';
import { WebhookDeliveries } from './webhooks/webhook-deliveries.repository';
import { WebhookDeliveryLogRows } from './webhooks/webhook-delivery-log.repository';
import { WebhookDeliveryLogService } from './webhooks/webhook-delivery-log.service';
import { WebhookDispatchLoop } from './webhooks/webhook-dispatch.loop';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookRetention } from './webhooks/webhook-retention';
import { WebhookRetentionRows } from './webhooks/webhook-retention.repository';
import { WebhookRetentionJob } from './webhooks/webhook-retention.job';
import { WebhookSubscriptions } from './webhooks/webhook-subscriptions.repository';
import { WebhookSubscriptionsService } from './webhooks/webhook-subscriptions.service';
import { WebhooksController } from './webhooks/webhooks.controller';

/** The outbox (global: every module records events) and signed webhook delivery of its events. */
@Global()
@Module({
  controllers: [WebhooksController],
  providers: [
    OutboxEvents,
    OutboxService,
    WebhookSubscriptions,
    WebhookSubscriptionsService,
    WebhookDeliveryLogRows,
    WebhookDeliveryLogService,
    WebhookDeliveries,
    WebhookDispatcher,
    WebhookDispatchLoop,
    WebhookRetentionRows,
    WebhookRetention,
    WebhookRetentionJob,
  ],
  exports: [OutboxService, WebhookDispatcher],
})
export class NotificationsModule {}
