import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assigning an officer without a name used to store the officer's id as the name the customer
 * reads. Such names are forgotten: the customer view now names the handler from the staff
 * directory, or in neutral words.
 */
export class ForgetOfficerIdsShownAsNames1764000481000 implements MigrationInterface {
  name = 'ForgetOfficerIdsShownAsNames1764000481000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE ombudsman_case SET assigned_officer_name = NULL
        WHERE assigned_officer_name = assigned_officer_id`,
    );
  }

  async down(): Promise<void> {
    // The ids were never names; there is nothing to put back.
  }
}
