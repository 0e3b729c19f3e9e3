import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closure's effect on the remedies still on offer moves from a trigger into the code
 * (src/compensation/remedy-closure.ts, run by the case core's closure port in the closing
 * transaction), so that every superseded remedy leaves an audit entry. `down` puts the trigger back.
 */
export class SupersedeOffersOnClosureInCode1765100000000 implements MigrationInterface {
  name = 'SupersedeOffersOnClosureInCode1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_ombudsman_case_closure_supersedes_offers ON ombudsman_case');
    await q.query('DROP FUNCTION remedy_supersede_on_case_closure()');
  }

  async down(q: QueryRunner): Promise<void> {
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
}
