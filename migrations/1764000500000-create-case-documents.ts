import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence on a case. A document row is written once with its SHA-256 and the digests of its
 * stored chunks; afterwards only its sharing and its withdrawal may be recorded, each once, and
 * nothing is ever deleted: the database refuses anything else. With the PostgreSQL store the
 * bytes live in `case_document_chunk`, 256 KiB per row, so no file is ever held whole in memory;
 * its foreign key is checked at commit, because the chunks stream in before the row that sums
 * them up is known.
 */
export class CreateCaseDocuments1764000500000 implements MigrationInterface {
  name = 'CreateCaseDocuments1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_document (
        id                      uuid        NOT NULL,
        case_id                 uuid        NOT NULL,
        filename                text        NOT NULL,
        content_type            text        NOT NULL,
        size                    bigint      NOT NULL,
        sha256                  text        NOT NULL,
        description             text,
        information_request_id  uuid,
        uploader_side           text        NOT NULL,
        uploaded_by_sub         text        NOT NULL,
        uploaded_by_role        text        NOT NULL,
        uploaded_by_name        text,
        uploaded_at             timestamptz NOT NULL DEFAULT now(),
        store                   text        NOT NULL,
        storage_key             text        NOT NULL,
        chunk_size              integer     NOT NULL,
        chunk_digests           bytea       NOT NULL,
        shared_with_customer_at timestamptz,
        shared_with_company_at  timestamptz,
        withdrawn_at            timestamptz,
        withdrawn_by            text,
        withdrawn_reason        text,
        CONSTRAINT pk_case_document PRIMARY KEY (id),
        CONSTRAINT fk_case_document_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT fk_case_document_information_request
          FOREIGN KEY (information_request_id) REFERENCES information_request (id),
        CONSTRAINT ck_case_document_side CHECK (uploader_side IN ('customer', 'company', 'office')),
        CONSTRAINT ck_case_document_size CHECK (size > 0),
        CONSTRAINT ck_case_document_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_case_document_store CHECK (store IN ('postgres', 's3')),
        CONSTRAINT ck_case_document_chunk_size CHECK (chunk_size > 0),
        CONSTRAINT ck_case_document_chunk_digests
          CHECK (octet_length(chunk_digests) = 32 * ceil(size::numeric / chunk_size)),
        CONSTRAINT ck_case_document_withdrawal
          CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL)
             AND (withdrawn_at IS NULL) = (withdrawn_by IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_case_document_case ON case_document (case_id, uploaded_at, id)`);
    await q.query(`
      CREATE TABLE case_document_chunk (
        document_id uuid    NOT NULL,
        seq         integer NOT NULL,
        bytes       bytea   NOT NULL,
        CONSTRAINT pk_case_document_chunk PRIMARY KEY (document_id, seq),
        CONSTRAINT fk_case_document_chunk_document FOREIGN KEY (document_id)
          REFERENCES case_document (id) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT ck_case_document_chunk_seq CHECK (seq >= 0)
      )`);
    // Stored out of line and uncompressed: the bytes are files (and, encrypted, incompressible).
    await q.query(`ALTER TABLE case_document_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL`);
    await q.query(`
      CREATE FUNCTION refuse_rewriting_a_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.id, NEW.case_id, NEW.filename, NEW.content_type, NEW.size, NEW.sha256,
               NEW.description, NEW.information_request_id, NEW.uploader_side,
               NEW.uploaded_by_sub, NEW.uploaded_by_role, NEW.uploaded_by_name, NEW.uploaded_at,
               NEW.store, NEW.storage_key, NEW.chunk_size, NEW.chunk_digests)
              IS DISTINCT FROM
              (OLD.id, OLD.case_id, OLD.filename, OLD.content_type, OLD.size, OLD.sha256,
               OLD.description, OLD.information_request_id, OLD.uploader_side,
               OLD.uploaded_by_sub, OLD.uploaded_by_role, OLD.uploaded_by_name, OLD.uploaded_at,
               OLD.store, OLD.storage_key, OLD.chunk_size, OLD.chunk_digests)
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
    await q.query(`
      CREATE TRIGGER tr_case_document_kept BEFORE UPDATE ON case_document
      FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_a_document()`);
    await q.query(`
      CREATE TRIGGER tr_case_document_chunk_immutable BEFORE UPDATE ON case_document_chunk
      FOR EACH ROW EXECUTE FUNCTION refuse_changing_a_record()`);
    for (const table of ['case_document', 'case_document_chunk']) {
      await q.query(`
        CREATE TRIGGER tr_${table}_no_delete BEFORE DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_changing_a_record()`);
      await q.query(`
        CREATE TRIGGER tr_${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_changing_a_record()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_document_chunk');
    await q.query('DROP TABLE case_document');
    await q.query('DROP FUNCTION refuse_rewriting_a_document()');
  }
}
