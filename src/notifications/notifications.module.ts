import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox/outbox.service';
import { WebhookDeliveryLog } from './webhooks/webhook-delivery-log.service';
import { WebhookDeliveryQueue } from './webhooks/webhook-delivery.queue';
import { WebhookDispatchLoop } from './webhooks/webhook-dispatch.loop';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookRetention } from './webhooks/webhook-retention';
import { WebhookRetentionJob } from './webhooks/webhook-retention.job';
import { WebhookSubscriptionsService } from './webhooks/webhook-subscriptions.service';
import { WebhooksController } from './webhooks/webhooks.controller';

/** The outbox (global: every module records events) and signed webhook delivery of its events. */
@Global()
@Module({
  controllers: [WebhooksController],
  providers: [
    OutboxService,
    WebhookSubscriptionsService,
    WebhookDeliveryLog,
    WebhookDeliveryQueue,
    WebhookDispatcher,
    WebhookDispatchLoop,
    WebhookRetention,
    WebhookRetentionJob,
  ],
  exports: [OutboxService, WebhookDispatcher],
})
export class NotificationsModule {}
