import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A revision still awaiting approval when the customer answers the decision in force can never be
 * issued: it is closed as `superseded`, and, like an issued one, it is then never changed again.
 */
export class AddSupersededDecisionRevisions1764000482000 implements MigrationInterface {
  name = 'AddSupersededDecisionRevisions1764000482000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_decision DROP CONSTRAINT ck_case_decision_status');
    await q.query(`
      ALTER TABLE case_decision ADD CONSTRAINT ck_case_decision_status
        CHECK (status IN ('awaiting_approval', 'issued', 'superseded'))`);
    await q.query(`
      CREATE OR REPLACE FUNCTION case_decision_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status IN ('issued', 'superseded') THEN
          RAISE EXCEPTION 'an issued or superseded decision is immutable: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION case_decision_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'issued' THEN
          RAISE EXCEPTION 'an issued decision is immutable: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query('ALTER TABLE case_decision DROP CONSTRAINT ck_case_decision_status');
    await q.query(`
      ALTER TABLE case_decision ADD CONSTRAINT ck_case_decision_status
        CHECK (status IN ('awaiting_approval', 'issued'))`);
  }
}
