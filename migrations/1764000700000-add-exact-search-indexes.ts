import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff search a case by what the customer quotes: the case reference (uq_ombudsman_case_reference)
 * and the complaint reference (ix_ombudsman_case_complaint) have their indexes already; the e-mail
 * address and the customer number get theirs, case-insensitive, as src/cases/queue/exact-search.ts
 * writes the conditions.
 */
export class AddExactSearchIndexes1764000700000 implements MigrationInterface {
  name = 'AddExactSearchIndexes1764000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX ix_ombudsman_case_customer_email ON ombudsman_case (lower(customer_email))',
    );
    await q.query(
      'CREATE INDEX ix_ombudsman_case_customer_number ON ombudsman_case (lower(customer_number))',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_ombudsman_case_customer_number');
    await q.query('DROP INDEX ix_ombudsman_case_customer_email');
  }
}
