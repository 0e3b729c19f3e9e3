import { MigrationInterface, QueryRunner } from 'typeorm';

/** Domain events written in the same transaction as the change that caused them. */
export class CreateOutbox1764000001000 implements MigrationInterface {
  name = 'CreateOutbox1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_event (
        id             uuid        NOT NULL DEFAULT gen_random_uuid(),
        position       bigint GENERATED ALWAYS AS IDENTITY,
        type           text        NOT NULL,
        aggregate_type text        NOT NULL,
        aggregate_id   text        NOT NULL,
        payload        jsonb       NOT NULL,
        occurred_at    timestamptz NOT NULL DEFAULT now(),
        dispatched_at  timestamptz,
        CONSTRAINT pk_outbox_event PRIMARY KEY (id),
        CONSTRAINT uq_outbox_event_position UNIQUE (position),
        CONSTRAINT ck_outbox_event_type CHECK (type ~ '^[a-z_]+\\.[a-z_]+$')
      )`);
    await q.query(`
      CREATE INDEX ix_outbox_event_pending ON outbox_event (position) WHERE dispatched_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox_event');
  }
}
