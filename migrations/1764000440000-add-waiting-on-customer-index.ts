import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Does this case wait on the customer?" is asked every time a deadline opens or a clock resumes.
 * Without an index of its own the planner, on statistics that lag a fast-growing table, answered
 * it by scanning every open deadline (4 ms per filing under load); this one holds only the open
 * questions to customers, so the answer is one tiny index probe.
 */
export class AddWaitingOnCustomerIndex1764000440000 implements MigrationInterface {
  name = 'AddWaitingOnCustomerIndex1764000440000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_case_deadline_waiting_on_customer ON case_deadline (case_id)
        WHERE kind = 'information_request' AND party = 'customer'
          AND met_at IS NULL AND cancelled_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_case_deadline_waiting_on_customer');
  }
}
