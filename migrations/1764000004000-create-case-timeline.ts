import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What happened on a case, in order. Each entry says who may see it: the customer, the company,
 * or the office only (internal notes never leave it).
 */
export class CreateCaseTimeline1764000004000 implements MigrationInterface {
  name = 'CreateCaseTimeline1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_timeline_entry (
        id                 bigint GENERATED ALWAYS AS IDENTITY,
        case_id            uuid        NOT NULL,
        type               text        NOT NULL,
        actor_sub          text        NOT NULL,
        actor_role         text        NOT NULL,
        actor_name         text,
        body               text,
        data               jsonb       NOT NULL DEFAULT '{}',
        visible_to_customer boolean    NOT NULL,
        visible_to_company boolean     NOT NULL,
        occurred_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_timeline_entry PRIMARY KEY (id),
        CONSTRAINT fk_case_timeline_entry_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT ck_case_timeline_entry_type CHECK (type ~ '^[a-z_]+(\\.[a-z_]+)*$')
      )`);
    await q.query(`CREATE INDEX ix_case_timeline_entry_case ON case_timeline_entry (case_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_timeline_entry');
  }
}
