import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the retention purge reads: finished deliveries by age, and fanned-out events by when they
 * were fanned out, so a purge costs the rows it removes, not the size of the log. Whether an
 * event has a delivery left is answered by uq_webhook_delivery_event_subscription.
 */
export class AddWebhookRetentionIndexes1764000422000 implements MigrationInterface {
  name = 'AddWebhookRetentionIndexes1764000422000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_webhook_delivery_finished ON webhook_delivery (created_at)
         WHERE status <> 'pending'`,
    );
    await q.query(
      `CREATE INDEX ix_outbox_event_dispatched ON outbox_event (dispatched_at)
         WHERE dispatched_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_outbox_event_dispatched');
    await q.query('DROP INDEX ix_webhook_delivery_finished');
  }
}
