import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer's answer to a decision binds the company (or ends the case), and an approval is
 * what let an award above an officer's authority reach the parties: both are records of what
 * happened, written once. The database refuses to change or delete them, as it does for issued
 * decisions and the audit log.
 */
export class ProtectAnswersAndApprovals1764000460000 implements MigrationInterface {
  name = 'ProtectAnswersAndApprovals1764000460000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION refuse_changing_a_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is a record and immutable: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['decision_answer', 'remedy_approval']) {
      await q.query(`
        CREATE TRIGGER tr_${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_changing_a_record()`);
      await q.query(`
        CREATE TRIGGER tr_${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_changing_a_record()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['decision_answer', 'remedy_approval']) {
      await q.query(`DROP TRIGGER tr_${table}_no_truncate ON ${table}`);
      await q.query(`DROP TRIGGER tr_${table}_immutable ON ${table}`);
    }
    await q.query('DROP FUNCTION refuse_changing_a_record()');
  }
}
