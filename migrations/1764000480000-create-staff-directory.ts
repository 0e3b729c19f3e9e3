import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The name each member of staff last carried in a token, by `sub`: a token may leave `name` out,
 * and a case handler assigned by someone else must still be named to the customer, never by id.
 */
export class CreateStaffDirectory1764000480000 implements MigrationInterface {
  name = 'CreateStaffDirectory1764000480000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_directory (
        sub      text        NOT NULL,
        name     text        NOT NULL,
        seen_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_staff_directory PRIMARY KEY (sub),
        CONSTRAINT ck_staff_directory_sub CHECK (length(sub) BETWEEN 1 AND 200),
        CONSTRAINT ck_staff_directory_name CHECK (btrim(name) <> '' AND length(name) <= 200)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE staff_directory');
  }
}
