import { MigrationInterface, QueryRunner } from 'typeorm';

/** The proposal expiry sweep reads only open proposals by expiry, as the deadline sweep does. */
export class AddOpenProposalExpiryIndex1764000450000 implements MigrationInterface {
  name = 'AddOpenProposalExpiryIndex1764000450000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_mediation_proposal_open_expiry ON mediation_proposal (expires_at)
        WHERE status = 'open' AND expires_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_mediation_proposal_open_expiry');
  }
}
