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

export interface NewWebhook {
  readonly url: string;
  readonly events: readonly string[];
  readonly description?: string;
}

export interface SubscriptionRow {
  id: string;
  page_key: string;
  url: string;
  events: string[];
  description: string | null;
  created_by: string;
  created_at: Date;
}

const COLUMNS = 'id, position::text AS page_key, url, events, description, created_by, created_at';
const DEFAULT_LIMIT = 25;

function toDto(row: SubscriptionRow): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** Subscriptions: who gets which events where. Secrets are sealed at rest and shown once. */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
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
      const [created] = (await manager.query(
        `INSERT INTO webhook_subscription (id, url, events, description, secret_sealed, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [
          id,
          input.url,
          input.events,
          input.description ?? null,
          sealSecret(secretKey, id, secret),
          actor.sub,
        ],
      )) as SubscriptionRow[];
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
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscription
        WHERE deleted_at IS NULL AND ($1::bigint IS NULL OR position < $1::bigint)
        ORDER BY position DESC LIMIT $2`,
      [after, limit + 1],
    )) as SubscriptionRow[];
    return toPage(rows, limit, toDto, (row) => [row.page_key]);
  }

  async get(id: string): Promise<WebhookDto> {
    return toDto(await this.find(id));
  }

  /** Stops deliveries at once: pending ones are cancelled; the delivery log is kept. */
  async remove(id: string, actor: ActorRef): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE webhook_subscription SET deleted_at = now()
          WHERE id = $1 AND deleted_at IS NULL RETURNING ${COLUMNS}`,
        [isUuid(id) ? id : null],
      )) as [SubscriptionRow[], number];
      if (rows.length === 0) throw webhookNotFound(id);
      await manager.query(
        `UPDATE webhook_delivery SET status = 'cancelled', next_attempt_at = NULL
          WHERE subscription_id = $1 AND status = 'pending'`,
        [id],
      );
      await this.audit.append(manager, {
        chainKey: 'system',
        actor,
        action: 'webhook.unsubscribed',
        before: { id, url: rows[0].url, events: rows[0].events },
      });
    });
  }

  /** A live subscription, or 404. */
  async find(id: string): Promise<SubscriptionRow> {
    if (!isUuid(id)) throw webhookNotFound(id);
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscription WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    )) as SubscriptionRow[];
    if (!row) throw webhookNotFound(id);
    return row;
  }
}
