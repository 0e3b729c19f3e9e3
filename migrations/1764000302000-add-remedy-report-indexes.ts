import { MigrationInterface, QueryRunner } from 'typeorm';

/** Compensation paid in a period and the remedies of the corrective-action register, by index. */
export class AddRemedyReportIndexes1764000302000 implements MigrationInterface {
  name = 'AddRemedyReportIndexes1764000302000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_remedy_fulfilled ON remedy (fulfilled_at)
         INCLUDE (type, currency, amount_minor) WHERE status = 'fulfilled'`,
    );
    await q.query(
      `CREATE INDEX ix_remedy_corrective ON remedy (created_at DESC, id DESC)
         WHERE type = 'corrective_action' AND status IN ('due', 'fulfilled')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_remedy_corrective');
    await q.query('DROP INDEX ix_remedy_fulfilled');
  }
}
