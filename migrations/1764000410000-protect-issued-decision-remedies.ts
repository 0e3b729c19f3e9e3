import { MigrationInterface, QueryRunner } from 'typeorm';

/** What was awarded; the content hash of the decision covers it. Status columns stay writable. */
const COLUMNS = [
  'case_id',
  'source',
  'source_id',
  'position',
  'type',
  'amount_minor',
  'currency',
  'description',
  'proposed_by',
];
const CONTENT = COLUMNS.join(', ');

/**
 * An issued decision is immutable, and so is what it awards: the database refuses to change the
 * content of, or delete, a remedy of an issued decision. Its status, deadline, fulfilment and
 * confirmation still move on as the company pays.
 */
export class ProtectIssuedDecisionRemedies1764000410000 implements MigrationInterface {
  name = 'ProtectIssuedDecisionRemedies1764000410000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION remedy_refuse_change_of_issued_decision() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.source = 'decision' AND EXISTS (
          SELECT 1 FROM case_decision d WHERE d.id = OLD.source_id AND d.status = 'issued'
        ) AND (TG_OP = 'DELETE' OR (${row('NEW')}) IS DISTINCT FROM (${row('OLD')}))
        THEN
          RAISE EXCEPTION 'a remedy of an issued decision is immutable: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    // Listing the columns keeps the trigger off the status updates of binding and payment.
    await q.query(`
      CREATE TRIGGER tr_remedy_issued_decision_content BEFORE UPDATE OF ${CONTENT} ON remedy
      FOR EACH ROW EXECUTE FUNCTION remedy_refuse_change_of_issued_decision()`);
    await q.query(`
      CREATE TRIGGER tr_remedy_issued_decision_delete BEFORE DELETE ON remedy
      FOR EACH ROW EXECUTE FUNCTION remedy_refuse_change_of_issued_decision()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_remedy_issued_decision_delete ON remedy');
    await q.query('DROP TRIGGER tr_remedy_issued_decision_content ON remedy');
    await q.query('DROP FUNCTION remedy_refuse_change_of_issued_decision()');
  }
}

function row(record: 'NEW' | 'OLD'): string {
  return COLUMNS.map((column) => `${record}.${column}`).join(', ');
}
