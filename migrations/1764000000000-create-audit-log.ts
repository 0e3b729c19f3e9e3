import { MigrationInterface, QueryRunner } from 'typeorm';

/** Append-only, hash-chained audit log; the database itself refuses UPDATE, DELETE and TRUNCATE. */
export class CreateAuditLog1764000000000 implements MigrationInterface {
  name = 'CreateAuditLog1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_entry (
        id          bigint GENERATED ALWAYS AS IDENTITY,
        chain_key   text        NOT NULL,
        seq         integer     NOT NULL,
        actor_sub   text        NOT NULL,
        actor_role  text        NOT NULL,
        action      text        NOT NULL,
        before      jsonb,
        after       jsonb,
        occurred_at timestamptz NOT NULL,
        prev_hash   char(64),
        hash        char(64)    NOT NULL,
        CONSTRAINT pk_audit_entry PRIMARY KEY (id),
        CONSTRAINT uq_audit_entry_chain_seq UNIQUE (chain_key, seq),
        CONSTRAINT ck_audit_entry_seq_positive CHECK (seq >= 1),
        CONSTRAINT ck_audit_entry_first_has_no_prev CHECK ((seq = 1) = (prev_hash IS NULL))
      )`);
    await q.query(`
      CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()`);
    await q.query(`
      CREATE TRIGGER tr_audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_entry');
    await q.query('DROP FUNCTION audit_entry_refuse_change()');
  }
}
