import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { StaffActor, actorRef } from '../../auth/actor';
import { CurrentStaff, Roles } from '../../auth/auth.decorators';
import { ApiProblems } from '../../common/openapi/api-problems';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { WebhookDeliveryPageDto } from './dto/webhook-delivery.dto';
import {
  CreatedWebhookDto,
  WebhookDto,
  WebhookEventTypeDto,
  WebhookPageDto,
} from './dto/webhook.dto';
import { WEBHOOK_EVENT_CATALOGUE } from './event-catalogue';
import { WebhookDeliveryLogService } from './webhook-delivery-log.service';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

const ID = ApiParam({ name: 'id', example: '3b0f5a8e-8c1d-4f0e-9d7a-2e6c1b4a9f10' });

@ApiTags('webhooks')
@Controller('v1/admin/webhooks')
export class WebhooksController {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly deliveries: WebhookDeliveryLogService,
  ) {}

  @Post()
  @Roles('ombudsman')
  @ApiOperation({
    summary: 'Subscribe a URL to events; the answer carries the signing secret, once',
    description:
      'Each event is POSTed as JSON with `Webhook-Id` (the event id, the same on every retry: ' +
      'use it to de-duplicate), `Webhook-Timestamp` (Unix seconds) and `Webhook-Signature` ' +
      '(`v1,` + base64 HMAC-SHA256 over `{id}.{timestamp}.{body}`, keyed with the base64-decoded ' +
      'part of the secret after `whsec_`; the Standard Webhooks scheme). A 2xx answer within the ' +
      'timeout is a delivery; anything else is retried with exponential backoff and jitter up ' +
      'to a limit, then the delivery is marked failed. Delivery is at least once.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiProblems(400, 422, 503)
  create(
    @Body() body: CreateWebhookDto,
    @CurrentStaff() staff: StaffActor,
  ): Promise<CreatedWebhookDto> {
    return this.subscriptions.create(
      { url: body.url, events: body.events, description: body.description },
      actorRef(staff),
    );
  }

  @Get()
  @Roles('ombudsman', 'auditor')
  @ApiOperation({ summary: 'List webhook subscriptions, newest first (keyset pagination)' })
  @ApiOkResponse({ type: WebhookPageDto })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto): Promise<WebhookPageDto> {
    return this.subscriptions.list(query.limit, query.cursor);
  }

  @Get('event-types')
  @Roles('ombudsman', 'auditor')
  @ApiOperation({ summary: 'The event types a subscription may ask for (or `*` for all)' })
  @ApiOkResponse({ type: [WebhookEventTypeDto] })
  eventTypes(): WebhookEventTypeDto[] {
    return Object.entries(WEBHOOK_EVENT_CATALOGUE).map(([type, description]) => ({
      type,
      description,
    }));
  }

  @Get(':id')
  @Roles('ombudsman', 'auditor')
  @ApiOperation({ summary: 'Read a webhook subscription (never its secret)' })
  @ID
  @ApiOkResponse({ type: WebhookDto })
  @ApiProblems(404)
  get(@Param('id') id: string): Promise<WebhookDto> {
    return this.subscriptions.get(id);
  }

  @Delete(':id')
  @Roles('ombudsman')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a webhook subscription',
    description: 'Pending deliveries are cancelled; attempts already made stay in the audit log.',
  })
  @ID
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404)
  async remove(@Param('id') id: string, @CurrentStaff() staff: StaffActor): Promise<void> {
    await this.subscriptions.remove(id, actorRef(staff));
  }

  @Get(':id/deliveries')
  @Roles('ombudsman', 'auditor')
  @ApiOperation({
    summary: 'Deliveries to a subscription, newest first, each with every attempt',
    description:
      'One delivery per event; its attempts carry the receiver’s status code, the time taken ' +
      'and the error, if any. Keyset pagination.',
  })
  @ID
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiProblems(400, 404)
  listDeliveries(
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<WebhookDeliveryPageDto> {
    return this.deliveries.list(id, query.limit, query.cursor);
  }
}
