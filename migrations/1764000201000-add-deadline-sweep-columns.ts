import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the breach sweep needs to cost only the newly due: the at-risk instant stored beside the
 * due instant, and partial indexes holding only deadlines still waiting to be flagged. Closing a
 * case cancels what it still owed, so those leave the indexes too.
 */
export class AddDeadlineSweepColumns1764000201000 implements MigrationInterface {
  name = 'AddDeadlineSweepColumns1764000201000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_deadline
        ADD COLUMN at_risk_due_at timestamptz,
        ADD COLUMN cancelled_at   timestamptz`);
    // 80% of the running time: paused time moves both instants, so it never counts.
    await q.query(`
      UPDATE case_deadline
         SET at_risk_due_at = started_at + make_interval(secs => paused_seconds)
               + (due_at - started_at - make_interval(secs => paused_seconds)) * 0.8`);
    await q.query(`
      CREATE FUNCTION case_deadline_at_risk_due() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.at_risk_due_at IS NULL THEN
          NEW.at_risk_due_at := NEW.started_at + (NEW.due_at - NEW.started_at) * 0.8;
        END IF;
        RETURN NEW;
      END $$`);
    // Whoever opens a deadline, the at-risk instant is there.
    await q.query(`
      CREATE TRIGGER tg_case_deadline_at_risk_due BEFORE INSERT ON case_deadline
        FOR EACH ROW EXECUTE FUNCTION case_deadline_at_risk_due()`);
    await q.query(`ALTER TABLE case_deadline ALTER COLUMN at_risk_due_at SET NOT NULL`);
    await q.query(`
      CREATE INDEX ix_case_deadline_breach_pending ON case_deadline (due_at)
       WHERE met_at IS NULL AND breached_at IS NULL AND cancelled_at IS NULL AND paused_since IS NULL`);
    await q.query(`
      CREATE INDEX ix_case_deadline_at_risk_pending ON case_deadline (at_risk_due_at)
       WHERE met_at IS NULL AND breached_at IS NULL AND at_risk_at IS NULL
         AND cancelled_at IS NULL AND paused_since IS NULL`);
    // The queue's breached / atRisk filters: cases with an outstanding flagged deadline.
    await q.query(`
      CREATE INDEX ix_case_deadline_breached_open ON case_deadline (case_id)
       WHERE breached_at IS NOT NULL AND met_at IS NULL AND cancelled_at IS NULL`);
    await q.query(`
      CREATE INDEX ix_case_deadline_at_risk_open ON case_deadline (case_id)
       WHERE at_risk_at IS NOT NULL AND breached_at IS NULL AND met_at IS NULL AND cancelled_at IS NULL`);
    // Pausing and resuming find a case's running and paused clocks.
    await q.query(`
      CREATE INDEX ix_case_deadline_paused ON case_deadline (case_id) WHERE paused_since IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_case_deadline_paused');
    for (const index of ['breach_pending', 'at_risk_pending', 'breached_open', 'at_risk_open']) {
      await q.query(`DROP INDEX ix_case_deadline_${index}`);
    }
    await q.query('DROP TRIGGER tg_case_deadline_at_risk_due ON case_deadline');
    await q.query('DROP FUNCTION case_deadline_at_risk_due()');
    await q.query(`
      ALTER TABLE case_deadline DROP COLUMN at_risk_due_at, DROP COLUMN cancelled_at`);
  }
}
