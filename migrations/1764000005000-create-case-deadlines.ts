import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each deadline of a case as a row: who owes what by when, paused time, and whether it was met. */
export class CreateCaseDeadlines1764000005000 implements MigrationInterface {
  name = 'CreateCaseDeadlines1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_deadline (
        id              uuid        NOT NULL DEFAULT gen_random_uuid(),
        case_id         uuid        NOT NULL,
        kind            text        NOT NULL,
        party           text        NOT NULL,
        -- The information request or remedy a deadline belongs to, when it belongs to one.
        subject_id      uuid,
        started_at      timestamptz NOT NULL,
        due_at          timestamptz NOT NULL,
        paused_since    timestamptz,
        paused_seconds  bigint      NOT NULL DEFAULT 0,
        met_at          timestamptz,
        breached_at     timestamptz,
        at_risk_at      timestamptz,
        CONSTRAINT pk_case_deadline PRIMARY KEY (id),
        CONSTRAINT fk_case_deadline_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT ck_case_deadline_kind CHECK (kind IN ('acknowledge', 'frontline_response', 'outcome',
          'decision_answer', 'remedy_payment', 'information_request')),
        CONSTRAINT ck_case_deadline_party CHECK (party IN ('office', 'company', 'customer')),
        CONSTRAINT ck_case_deadline_due_after_start CHECK (due_at >= started_at),
        CONSTRAINT ck_case_deadline_paused CHECK (paused_seconds >= 0)
      )`);
    await q.query(`CREATE INDEX ix_case_deadline_case ON case_deadline (case_id, due_at)`);
    // The sweep reads only open deadlines by due time.
    await q.query(
      `CREATE INDEX ix_case_deadline_open_due ON case_deadline (due_at) WHERE met_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_deadline');
  }
}
