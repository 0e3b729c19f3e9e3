import { MigrationInterface, QueryRunner } from 'typeorm';

const BREACHED_OPEN = 'breached_at IS NOT NULL AND met_at IS NULL AND cancelled_at IS NULL';
const AT_RISK_OPEN =
  'at_risk_at IS NOT NULL AND breached_at IS NULL AND met_at IS NULL AND cancelled_at IS NULL';

/**
 * The queue's `breached` and `atRisk` filters, read in queue order from the deadlines' side.
 *
 * Walking the cases newest first and probing each for a flagged deadline reads every case younger
 * than the first breach: a deadline breaches weeks after filing, so at a million cases the walk
 * passed 15,496 cases to find 26 (160–610 ms). Each deadline now carries its case's `created_at`
 * (set on insert by a trigger, kept equal if a case's time is ever corrected), and the partial
 * indexes of the two filters are ordered as the queue is: the first page is the first entries of
 * the index (0.65 ms at a million cases). src/cases/queue/case-queue.sql.ts reads them.
 *
 * Backfilling rewrites every deadline once: about two minutes for 1.4 million on the 2-core bench
 * machine, at the first start after the upgrade. The new indexes come in the next migration, in
 * a transaction of its own: built in this one, they would also hold an entry for every row
 * version the backfill replaced, and after VACUUM the first page of the breached queue read
 * 2,035 index pages instead of 8.
 */
export class OrderFlaggedDeadlinesByCase1767400000000 implements MigrationInterface {
  name = 'OrderFlaggedDeadlinesByCase1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_case_deadline_breached_open');
    await q.query('DROP INDEX ix_case_deadline_at_risk_open');
    await q.query('ALTER TABLE case_deadline ADD COLUMN case_created_at timestamptz');
    await q.query(`
      UPDATE case_deadline d SET case_created_at = c.created_at
        FROM ombudsman_case c WHERE c.id = d.case_id`);
    await q.query('ALTER TABLE case_deadline ALTER COLUMN case_created_at SET NOT NULL');
    await q.query(`
      CREATE FUNCTION case_deadline_case_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.case_created_at := (SELECT created_at FROM ombudsman_case WHERE id = NEW.case_id);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tg_case_deadline_case_created_at BEFORE INSERT ON case_deadline
        FOR EACH ROW WHEN (NEW.case_created_at IS NULL)
        EXECUTE FUNCTION case_deadline_case_created_at()`);
    await q.query(`
      CREATE FUNCTION ombudsman_case_created_at_moved() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE case_deadline SET case_created_at = NEW.created_at WHERE case_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tg_ombudsman_case_created_at_moved AFTER UPDATE OF created_at ON ombudsman_case
        FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at)
        EXECUTE FUNCTION ombudsman_case_created_at_moved()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tg_ombudsman_case_created_at_moved ON ombudsman_case');
    await q.query('DROP FUNCTION ombudsman_case_created_at_moved()');
    await q.query('DROP TRIGGER tg_case_deadline_case_created_at ON case_deadline');
    await q.query('DROP FUNCTION case_deadline_case_created_at()');
    await q.query('ALTER TABLE case_deadline DROP COLUMN case_created_at');
    await q.query(
      `CREATE INDEX ix_case_deadline_breached_open ON case_deadline (case_id) WHERE ${BREACHED_OPEN}`,
    );
    await q.query(
      `CREATE INDEX ix_case_deadline_at_risk_open ON case_deadline (case_id) WHERE ${AT_RISK_OPEN}`,
    );
  }
}
