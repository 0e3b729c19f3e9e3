import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff who have only the start of a case reference (`2025-0001`) find the cases whose reference
 * begins so through a b-tree walk (src/cases/queue/exact-search.ts); text_pattern_ops lets LIKE
 * 'prefix%' use the index whatever the database's collation.
 */
export class AddReferencePrefixIndex1764000910000 implements MigrationInterface {
  name = 'AddReferencePrefixIndex1764000910000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX ix_ombudsman_case_reference_prefix ON ombudsman_case (reference text_pattern_ops)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_ombudsman_case_reference_prefix');
  }
}
