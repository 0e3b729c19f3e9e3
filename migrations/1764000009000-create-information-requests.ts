import { MigrationInterface, QueryRunner } from 'typeorm';

/** Questions the office puts to a party; an open one to the customer pauses the office's clocks. */
export class CreateInformationRequests1764000009000 implements MigrationInterface {
  name = 'CreateInformationRequests1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE information_request (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        case_id     uuid        NOT NULL,
        party       text        NOT NULL,
        question    text        NOT NULL,
        asked_by    text        NOT NULL,
        asked_at    timestamptz NOT NULL DEFAULT now(),
        due_at      timestamptz NOT NULL,
        answered_at timestamptz,
        answer      text,
        answered_by text,
        CONSTRAINT pk_information_request PRIMARY KEY (id),
        CONSTRAINT fk_information_request_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT ck_information_request_party CHECK (party IN ('customer', 'company')),
        CONSTRAINT ck_information_request_answer CHECK ((answered_at IS NULL) = (answer IS NULL)),
        CONSTRAINT ck_information_request_due CHECK (due_at > asked_at)
      )`);
    await q.query(`
      CREATE INDEX ix_information_request_open ON information_request (case_id, party, asked_at)
        WHERE answered_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE information_request');
  }
}
