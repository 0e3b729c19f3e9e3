import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request counters of the public endpoint, one fixed window per client, kept in PostgreSQL so
 * every instance behind the load balancer counts against the same limit.
 */
export class CreateRateLimitBuckets1764000007000 implements MigrationInterface {
  name = 'CreateRateLimitBuckets1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_bucket (
        key          text        NOT NULL,
        window_start timestamptz NOT NULL,
        hits         integer     NOT NULL,
        expires_at   timestamptz NOT NULL,
        CONSTRAINT pk_rate_limit_bucket PRIMARY KEY (key),
        CONSTRAINT ck_rate_limit_bucket_hits_positive CHECK (hits >= 1),
        CONSTRAINT ck_rate_limit_bucket_window CHECK (expires_at > window_start)
      )`);
    await q.query(`CREATE INDEX ix_rate_limit_bucket_expires ON rate_limit_bucket (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_limit_bucket');
  }
}
