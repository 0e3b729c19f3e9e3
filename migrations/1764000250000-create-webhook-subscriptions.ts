import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook subscriptions; the signing secret is kept encrypted, never in clear. */
export class CreateWebhookSubscriptions1764000250000 implements MigrationInterface {
  name = 'CreateWebhookSubscriptions1764000250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscription (
        id            uuid        NOT NULL,
        position      bigint GENERATED ALWAYS AS IDENTITY,
        url           text        NOT NULL,
        events        text[]      NOT NULL,
        description   text,
        secret_sealed bytea       NOT NULL,
        created_by    text        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        deleted_at    timestamptz,
        CONSTRAINT pk_webhook_subscription PRIMARY KEY (id),
        CONSTRAINT uq_webhook_subscription_position UNIQUE (position),
        CONSTRAINT ck_webhook_subscription_url CHECK (url ~ '^https?://'),
        CONSTRAINT ck_webhook_subscription_events CHECK (cardinality(events) BETWEEN 1 AND 100)
      )`);
    await q.query(`
      CREATE INDEX ix_webhook_subscription_active
          ON webhook_subscription (position) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_subscription');
  }
}
