import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The row triggers keep issued decisions and their remedies, but TRUNCATE fires no row trigger.
 * As the audit log does, the tables refuse it, here once any decision has been issued.
 */
export class RefuseTruncatingIssuedDecisions1764000411000 implements MigrationInterface {
  name = 'RefuseTruncatingIssuedDecisions1764000411000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_truncating_issued_decisions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM case_decision WHERE status = 'issued') THEN
          RAISE EXCEPTION 'issued decisions and their remedies are immutable: TRUNCATE % refused',
            TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['case_decision', 'remedy']) {
      await q.query(`
        CREATE TRIGGER tr_${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncating_issued_decisions()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_remedy_no_truncate ON remedy');
    await q.query('DROP TRIGGER tr_case_decision_no_truncate ON case_decision');
    await q.query('DROP FUNCTION refuse_truncating_issued_decisions()');
  }
}
