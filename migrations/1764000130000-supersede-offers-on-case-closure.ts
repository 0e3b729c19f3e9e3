import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Once a case is closed nothing stays on offer: remedies of a proposal or decision nobody
 * answered (withdrawal, litigation, a lapsed decision) become `superseded`, whichever code path
 * closed the case, so that `proposed` always means "awaiting an answer" in the reports.
 */
export class SupersedeOffersOnCaseClosure1764000130000 implements MigrationInterface {
  name = 'SupersedeOffersOnCaseClosure1764000130000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION remedy_supersede_on_case_closure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE remedy SET status = 'superseded' WHERE case_id = NEW.id AND status = 'proposed';
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_ombudsman_case_closure_supersedes_offers
        AFTER UPDATE OF status ON ombudsman_case
        FOR EACH ROW WHEN (NEW.status = 'closed' AND OLD.status IS DISTINCT FROM 'closed')
        EXECUTE FUNCTION remedy_supersede_on_case_closure()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_ombudsman_case_closure_supersedes_offers ON ombudsman_case');
    await q.query('DROP FUNCTION remedy_supersede_on_case_closure()');
  }
}
