import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a case was refused, as a stable code the annual report groups by (the officer's free-text
 * reason stays on the timeline). Cases refused before this column existed count as out of time
 * when intake refused them for that, else as `other`. The closed-cases report index carries the
 * code so that refusals by reason are still read from the index alone.
 */
export class AddCaseRejectionCode1764000420000 implements MigrationInterface {
  name = 'AddCaseRejectionCode1764000420000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ombudsman_case ADD COLUMN rejection_code text,
        ADD CONSTRAINT ck_ombudsman_case_rejection_code CHECK (rejection_code IN (
          'out_of_time', 'already_in_court', 'not_a_customer', 'outside_remit',
          'frivolous_or_vexatious', 'other'))`);
    await q.query(`
      UPDATE ombudsman_case
         SET rejection_code = CASE WHEN eligibility_reason = 'out_of_time'
                                   THEN 'out_of_time' ELSE 'other' END
       WHERE status = 'rejected' OR outcome = 'rejected'`);
    await q.query('DROP INDEX ix_ombudsman_case_closed_outcome');
    await q.query(
      `CREATE INDEX ix_ombudsman_case_closed_outcome ON ombudsman_case (closed_at)
         INCLUDE (outcome, created_at, accepted_at, eligibility_reason, rejection_code)
         WHERE closed_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_ombudsman_case_closed_outcome');
    await q.query(
      `CREATE INDEX ix_ombudsman_case_closed_outcome ON ombudsman_case (closed_at)
         INCLUDE (outcome, created_at, accepted_at, eligibility_reason) WHERE closed_at IS NOT NULL`,
    );
    await q.query(
      'ALTER TABLE ombudsman_case DROP CONSTRAINT ck_ombudsman_case_rejection_code, DROP COLUMN rejection_code',
    );
  }
}
