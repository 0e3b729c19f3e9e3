import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wrong case access tokens counted per case reference, one fixed window of an hour opened by the
 * first failure, in PostgreSQL so that every instance counts against the same limit. Logged,
 * unlike the rate-limit buckets: a crash must not hand a guesser a fresh hour, and only failures
 * write here.
 */
export class CreateCaseTokenFailures1764000473100 implements MigrationInterface {
  name = 'CreateCaseTokenFailures1764000473100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_token_failure (
        key          text        NOT NULL,
        window_start timestamptz NOT NULL,
        hits         integer     NOT NULL,
        expires_at   timestamptz NOT NULL,
        CONSTRAINT pk_case_token_failure PRIMARY KEY (key),
        CONSTRAINT ck_case_token_failure_hits_positive CHECK (hits >= 1),
        CONSTRAINT ck_case_token_failure_window CHECK (expires_at > window_start)
      )`);
    await q.query(`CREATE INDEX ix_case_token_failure_expires ON case_token_failure (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_token_failure');
  }
}
