import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The metrics scrape counts failed webhook deliveries every few seconds: a partial index of those
 * alone keeps that count to the failures, not the whole delivery log.
 */
export class AddFailedWebhookDeliveryIndex1764000900000 implements MigrationInterface {
  name = 'AddFailedWebhookDeliveryIndex1764000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_webhook_delivery_failed ON webhook_delivery (created_at)
         WHERE status = 'failed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_webhook_delivery_failed');
  }
}
