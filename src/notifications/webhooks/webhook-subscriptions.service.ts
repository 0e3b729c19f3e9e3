import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActorRef } from '../../auth/actor';
import { AuditService } from '../../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Page, toPage } from '../../common/pagination/cursor';
import { CreatedWebhookDto, WebhookDto } from './dto/webhook.dto';
import { decodePositionCursor, isUuid } from './position-cursor';
import { sealSecret } from './secret-box';
import { RefusedUrl, resolveWebhookTarget } from './url-guard';
import { generateWebhookSecret } from './webhook-signature';
import { webhookNotFound, webhookSigningUnavailable, webhookUrlRefused } from './webhooks.errors';
import { SubscriptionRow, WebhookSubscriptions } from './webhook-subscriptions.repository';

export interface NewWebhook {
  readonly url: string;
  readonly events: readonly string[];
  readonly description?: string;
}

const DEFAULT_LIMIT = 25;

function toDto(row: SubscriptionRow): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Subscriptions: who gets which events where. Secrets are sealed at rest and shown once. */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly subscriptions: WebhookSubscriptions,
  ) {}

  async create(input: NewWebhook, actor: ActorRef): Promise<CreatedWebhookDto> {
    const secretKey = this.config.webhooks.secretKey;
    if (secretKey === undefined) throw webhookSigningUnavailable();
    try {
      await resolveWebhookTarget(new URL(input.url), this.config.webhooks.allowPrivateAddresses);
    } catch (error) {
      if (error instanceof RefusedUrl) throw webhookUrlRefused(input.url, error.reason);
      throw error;
    }
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const row = await this.dataSource.transaction(async (manager) => {
      const created = await this.subscriptions.insert(manager, {
        id,
        url: input.url,
        events: input.events,
        description: input.description ?? null,
        secretSealed: sealSecret(secretKey, id, secret),
        createdBy: actor.sub,
      });
      await this.audit.append(manager, {
        chainKey: 'system',
        actor,
        action: 'webhook.subscribed',
        after: { id, url: input.url, events: input.events, description: input.description },
      });
      return created;
    });
    return { ...toDto(row), secret };
  }

  async list(limit = DEFAULT_LIMIT, cursor?: string): Promise<Page<WebhookDto>> {
    const after = cursor === undefined ? null : decodePositionCursor(cursor);
    const rows = await this.subscriptions.page(after, limit + 1);
    return toPage(rows, limit, toDto, (row) => [row.pageKey]);
  }

  async get(id: string): Promise<WebhookDto> {
    return toDto(await this.find(id));
  }

  /** Stops deliveries at once: pending ones are cancelled; the delivery log is kept. */
  async remove(id: string, actor: ActorRef): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = isUuid(id) ? await this.subscriptions.remove(manager, id) : null;
      if (!removed) throw webhookNotFound(id);
      await this.audit.append(manager, {
        chainKey: 'system',
        actor,
        action: 'webhook.unsubscribed',
        before: { id, url: removed.url, events: removed.events },
      });
    });
  }

  /** A live subscription, or 404. */
  async find(id: string): Promise<SubscriptionRow> {
    if (!isUuid(id)) throw webhookNotFound(id);
    const row = await this.subscriptions.findLive(id);
    if (!row) throw webhookNotFound(id);
    return row;
  }
}
