import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Customer notified" and "company notified" timeline entries were for the office only; the
 * party told now sees them too (the customer view, the company view), so a deadline dispute can
 * be settled from the record both sides read. Earlier entries follow the new rule.
 */
export class ShowNotifiedEntriesToParties1766100000000 implements MigrationInterface {
  name = 'ShowNotifiedEntriesToParties1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE case_timeline_entry SET visible_to_customer = true WHERE type = 'customer.notified'`,
    );
    await q.query(
      `UPDATE case_timeline_entry SET visible_to_company = true WHERE type = 'company.notified'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE case_timeline_entry SET visible_to_customer = false, visible_to_company = false
        WHERE type IN ('customer.notified', 'company.notified')`,
    );
  }
}
