import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff who have only the start of an e-mail address (`anna.petrova@`) find the cases whose
 * address begins so through a range of a b-tree (src/cases/queue/exact-search.ts), instead of the
 * trigram index, whose candidates for common names and `@mail.example.ru` are huge. text_pattern_ops
 * lets LIKE 'prefix%' use the index whatever the database's collation, and its equality is the
 * same `=`, so it serves the whole-address lookup too and replaces ix_ombudsman_case_customer_email.
 */
export class AddEmailPrefixIndex1767300000000 implements MigrationInterface {
  name = 'AddEmailPrefixIndex1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_ombudsman_case_customer_email_prefix
         ON ombudsman_case (lower(customer_email) text_pattern_ops)`,
    );
    await q.query('DROP INDEX ix_ombudsman_case_customer_email');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX ix_ombudsman_case_customer_email ON ombudsman_case (lower(customer_email))',
    );
    await q.query('DROP INDEX ix_ombudsman_case_customer_email_prefix');
  }
}
