import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Remembered responses for `Idempotency-Key`. The key is kept only as a hash and the response
 * encrypted under a key derived from the idempotency key, so this table alone reveals neither.
 */
export class CreateIdempotencyKeys1764000006000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        scope           text        NOT NULL,
        key_hash        char(64)    NOT NULL,
        request_hash    char(64)    NOT NULL,
        response_status smallint    NOT NULL,
        response_body   bytea       NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        expires_at      timestamptz NOT NULL,
        CONSTRAINT pk_idempotency_key PRIMARY KEY (scope, key_hash),
        CONSTRAINT ck_idempotency_key_status CHECK (response_status BETWEEN 100 AND 599),
        CONSTRAINT ck_idempotency_key_expiry CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX ix_idempotency_key_expires ON idempotency_key (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_key');
  }
}
