import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer pages' sessions (src/portal): the cookie carries a random id, the table its
 * SHA-256, the case it opens and the hash of the access token it was opened with, so a new access
 * link (which replaces the token) ends every session of the old one. Signing out deletes the row.
 */
export class CreatePortalSessions1765500000000 implements MigrationInterface {
  name = 'CreatePortalSessions1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE portal_session (
        id_hash            bytea       NOT NULL,
        case_id            uuid        NOT NULL,
        access_token_hash  bytea       NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        expires_at         timestamptz NOT NULL,
        CONSTRAINT pk_portal_session PRIMARY KEY (id_hash),
        CONSTRAINT fk_portal_session_case FOREIGN KEY (case_id)
          REFERENCES ombudsman_case (id) ON DELETE CASCADE,
        CONSTRAINT ck_portal_session_expiry CHECK (expires_at > created_at)
      )`);
    await q.query('CREATE INDEX ix_portal_session_expires ON portal_session (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE portal_session');
  }
}
