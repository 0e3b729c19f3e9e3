import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents are encrypted at rest in every store: each row keeps its own data key, wrapped by
 * DOCUMENT_MASTER_KEY. Rows written before this migration (none outside development) hold
 * plaintext and no key; every new row must carry one. The key is part of what is filed, so the
 * database refuses to change it like the rest.
 */
export class EncryptCaseDocuments1764000501000 implements MigrationInterface {
  name = 'EncryptCaseDocuments1764000501000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_document ADD COLUMN wrapped_key bytea`);
    await q.query(`
      ALTER TABLE case_document ADD CONSTRAINT ck_case_document_encrypted
        CHECK (wrapped_key IS NOT NULL) NOT VALID`);
    await q.query(`
      CREATE OR REPLACE FUNCTION refuse_rewriting_a_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.id, NEW.case_id, NEW.filename, NEW.content_type, NEW.size, NEW.sha256,
            NEW.description, NEW.information_request_id, NEW.uploader_side,
            NEW.uploaded_by_sub, NEW.uploaded_by_role, NEW.uploaded_by_name, NEW.uploaded_at,
            NEW.store, NEW.storage_key, NEW.chunk_size, NEW.chunk_digests, NEW.wrapped_key)
           IS DISTINCT FROM
           (OLD.id, OLD.case_id, OLD.filename, OLD.content_type, OLD.size, OLD.sha256,
            OLD.description, OLD.information_request_id, OLD.uploader_side,
            OLD.uploaded_by_sub, OLD.uploaded_by_role, OLD.uploaded_by_name, OLD.uploaded_at,
            OLD.store, OLD.storage_key, OLD.chunk_size, OLD.chunk_digests, OLD.wrapped_key)
           OR (OLD.shared_with_customer_at IS NOT NULL
               AND NEW.shared_with_customer_at IS DISTINCT FROM OLD.shared_with_customer_at)
           OR (OLD.shared_with_company_at IS NOT NULL
               AND NEW.shared_with_company_at IS DISTINCT FROM OLD.shared_with_company_at)
           OR (OLD.withdrawn_at IS NOT NULL
               AND (NEW.withdrawn_at, NEW.withdrawn_by, NEW.withdrawn_reason)
                   IS DISTINCT FROM (OLD.withdrawn_at, OLD.withdrawn_by, OLD.withdrawn_reason))
        THEN
          RAISE EXCEPTION '% keeps evidence as it was filed: % refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_document DROP CONSTRAINT ck_case_document_encrypted`);
    await q.query(`ALTER TABLE case_document DROP COLUMN wrapped_key`);
  }
}
