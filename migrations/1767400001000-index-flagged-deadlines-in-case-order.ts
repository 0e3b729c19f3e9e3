import { MigrationInterface, QueryRunner } from 'typeorm';

const BREACHED_OPEN = 'breached_at IS NOT NULL AND met_at IS NULL AND cancelled_at IS NULL';
const AT_RISK_OPEN =
  'at_risk_at IS NOT NULL AND breached_at IS NULL AND met_at IS NULL AND cancelled_at IS NULL';

/**
 * The partial indexes of the queue's `breached` and `atRisk` filters, ordered as the queue is by
 * their case's (created_at, id) (see migration 1767400000000-order-flagged-deadlines-by-case,
 * and src/cases/queue/case-queue.sql.ts, which reads them).
 */
export class IndexFlaggedDeadlinesInCaseOrder1767400001000 implements MigrationInterface {
  name = 'IndexFlaggedDeadlinesInCaseOrder1767400001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX ix_case_deadline_breached_open
        ON case_deadline (case_created_at DESC, case_id DESC) WHERE ${BREACHED_OPEN}`);
    await q.query(`
      CREATE INDEX ix_case_deadline_at_risk_open
        ON case_deadline (case_created_at DESC, case_id DESC) WHERE ${AT_RISK_OPEN}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_case_deadline_breached_open');
    await q.query('DROP INDEX ix_case_deadline_at_risk_open');
  }
}
