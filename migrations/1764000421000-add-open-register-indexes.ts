import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open items of the corrective-action register, as the KPI report counts them: corrective
 * remedies still due, and suggestions accepted but not implemented, each by the time it joined
 * the register. Both are small partial indexes; without them each count read the whole remedy
 * or suggestion table.
 */
export class AddOpenRegisterIndexes1764000421000 implements MigrationInterface {
  name = 'AddOpenRegisterIndexes1764000421000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_remedy_corrective_open ON remedy (bound_at)
         WHERE type = 'corrective_action' AND status = 'due'`,
    );
    await q.query(
      `CREATE INDEX ix_suggestion_accepted_open ON suggestion (accepted_at)
         WHERE status = 'accepted'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_suggestion_accepted_open');
    await q.query('DROP INDEX ix_remedy_corrective_open');
  }
}
