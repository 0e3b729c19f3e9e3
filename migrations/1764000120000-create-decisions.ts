import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions and their revisions. An issued revision is immutable: the table refuses UPDATE and
 * DELETE of it; a correction is a new revision with a reason. The customer's answer is a row of
 * its own so the decision never changes.
 */
export class CreateDecisions1764000120000 implements MigrationInterface {
  name = 'CreateDecisions1764000120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_decision (
        id               uuid        NOT NULL DEFAULT gen_random_uuid(),
        case_id          uuid        NOT NULL,
        revision         integer     NOT NULL,
        status           text        NOT NULL,
        finding          text        NOT NULL,
        reasoning        text        NOT NULL,
        revision_reason  text,
        drafted_by       text        NOT NULL,
        drafted_by_name  text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        issued_by        text,
        issued_at        timestamptz,
        content_hash     char(64)    NOT NULL,
        CONSTRAINT pk_case_decision PRIMARY KEY (id),
        CONSTRAINT fk_case_decision_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT uq_case_decision_revision UNIQUE (case_id, revision),
        CONSTRAINT ck_case_decision_revision CHECK (revision >= 1),
        CONSTRAINT ck_case_decision_status CHECK (status IN ('awaiting_approval', 'issued')),
        CONSTRAINT ck_case_decision_finding CHECK (finding IN ('upheld', 'partially_upheld', 'not_upheld')),
        CONSTRAINT ck_case_decision_issued CHECK ((status = 'issued') = (issued_at IS NOT NULL)),
        CONSTRAINT ck_case_decision_revision_reason CHECK (revision = 1 OR revision_reason IS NOT NULL)
      )`);
    await q.query(`
      CREATE FUNCTION case_decision_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'issued' THEN
          RAISE EXCEPTION 'an issued decision is immutable: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_case_decision_immutable BEFORE UPDATE OR DELETE ON case_decision
      FOR EACH ROW EXECUTE FUNCTION case_decision_refuse_change()`);

    await q.query(`
      CREATE TABLE decision_answer (
        decision_id  uuid        NOT NULL,
        case_id      uuid        NOT NULL,
        answer       text        NOT NULL,
        reason       text,
        answered_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_decision_answer PRIMARY KEY (decision_id),
        CONSTRAINT fk_decision_answer_decision FOREIGN KEY (decision_id) REFERENCES case_decision (id),
        CONSTRAINT fk_decision_answer_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT ck_decision_answer_answer CHECK (answer IN ('accepted', 'rejected'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE decision_answer');
    await q.query('DROP TABLE case_decision');
    await q.query('DROP FUNCTION case_decision_refuse_change()');
  }
}
