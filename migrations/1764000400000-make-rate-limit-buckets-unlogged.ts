import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters live a minute and are worth nothing after a crash, yet every public request
 * writes one: without WAL the write does not wait for a disk flush. PostgreSQL empties an unlogged
 * table after a crash (everyone starts a fresh minute) and does not copy it to standbys.
 */
export class MakeRateLimitBucketsUnlogged1764000400000 implements MigrationInterface {
  name = 'MakeRateLimitBucketsUnlogged1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rate_limit_bucket SET UNLOGGED');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rate_limit_bucket SET LOGGED');
  }
}
