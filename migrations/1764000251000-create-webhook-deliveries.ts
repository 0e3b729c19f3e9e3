import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One delivery per (event, subscription) and a log of every attempt. The outbox's existing
 * `dispatched_at` becomes the "fanned out" marker: the dispatcher sets it once the event's
 * deliveries exist, in the same transaction, so an event is fanned out exactly once.
 */
export class CreateWebhookDeliveries1764000251000 implements MigrationInterface {
  name = 'CreateWebhookDeliveries1764000251000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_delivery (
        id              uuid        NOT NULL DEFAULT gen_random_uuid(),
        position        bigint GENERATED ALWAYS AS IDENTITY,
        subscription_id uuid        NOT NULL,
        event_id        uuid        NOT NULL,
        status          text        NOT NULL DEFAULT 'pending',
        attempt_count   integer     NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        delivered_at    timestamptz,
        CONSTRAINT pk_webhook_delivery PRIMARY KEY (id),
        CONSTRAINT uq_webhook_delivery_position UNIQUE (position),
        CONSTRAINT uq_webhook_delivery_event_subscription UNIQUE (event_id, subscription_id),
        CONSTRAINT fk_webhook_delivery_subscription
          FOREIGN KEY (subscription_id) REFERENCES webhook_subscription (id),
        CONSTRAINT fk_webhook_delivery_event FOREIGN KEY (event_id) REFERENCES outbox_event (id),
        CONSTRAINT ck_webhook_delivery_status
          CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
        CONSTRAINT ck_webhook_delivery_next_attempt
          CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL)),
        CONSTRAINT ck_webhook_delivery_attempt_count CHECK (attempt_count >= 0)
      )`);
    await q.query(`
      CREATE INDEX ix_webhook_delivery_due
          ON webhook_delivery (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`
      CREATE INDEX ix_webhook_delivery_subscription ON webhook_delivery (subscription_id, position)`);
    await q.query(`
      CREATE TABLE webhook_delivery_attempt (
        delivery_id  uuid        NOT NULL,
        attempt      integer     NOT NULL,
        attempted_at timestamptz NOT NULL,
        duration_ms  integer     NOT NULL,
        status_code  integer,
        error        text,
        succeeded    boolean     NOT NULL,
        CONSTRAINT pk_webhook_delivery_attempt PRIMARY KEY (delivery_id, attempt),
        CONSTRAINT fk_webhook_delivery_attempt_delivery
          FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id),
        CONSTRAINT ck_webhook_delivery_attempt_number CHECK (attempt >= 1),
        CONSTRAINT ck_webhook_delivery_attempt_duration CHECK (duration_ms >= 0)
      )`);
    await q.query(`
      COMMENT ON COLUMN outbox_event.dispatched_at
        IS 'When the webhook dispatcher fanned the event out into webhook_delivery rows'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('COMMENT ON COLUMN outbox_event.dispatched_at IS NULL');
    await q.query('DROP TABLE webhook_delivery_attempt');
    await q.query('DROP TABLE webhook_delivery');
  }
}
