import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Front-line complaints. References come from a sequence (gaps are fine, no counter row to lock);
 * an integration's retry is absorbed by the unique (source, external_id) index.
 */
export class CreateFrontlineComplaints1764000002000 implements MigrationInterface {
  name = 'CreateFrontlineComplaints1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SEQUENCE frontline_complaint_reference_seq AS bigint START 1');
    // Millisecond timestamps: exactly what a JavaScript Date holds, so keyset cursors round-trip.
    await q.query(`
      CREATE TABLE frontline_complaint (
        id                            uuid           NOT NULL DEFAULT gen_random_uuid(),
        reference                     text           NOT NULL,
        source                        text           NOT NULL,
        external_id                   text,
        customer_name                 text           NOT NULL,
        customer_email                text           NOT NULL,
        customer_number               text,
        subject                       text           NOT NULL,
        description                   text           NOT NULL,
        channel                       text,
        agent_id                      text           NOT NULL,
        received_at                   timestamptz(3) NOT NULL,
        response_due_at               timestamptz(3) NOT NULL,
        final_response_text           text,
        final_response_offer_minor    bigint,
        final_response_offer_currency char(3),
        final_response_at             timestamptz(3),
        final_response_by             text,
        CONSTRAINT pk_frontline_complaint PRIMARY KEY (id),
        CONSTRAINT uq_frontline_complaint_reference UNIQUE (reference),
        CONSTRAINT ck_frontline_complaint_reference CHECK (reference ~ '^CMP-[0-9]{6,}$'),
        CONSTRAINT ck_frontline_complaint_due_after_received CHECK (response_due_at >= received_at),
        CONSTRAINT ck_frontline_complaint_final_response_complete CHECK (
          (final_response_text IS NULL) = (final_response_at IS NULL)
          AND (final_response_text IS NULL) = (final_response_by IS NULL)),
        CONSTRAINT ck_frontline_complaint_offer_complete CHECK (
          (final_response_offer_minor IS NULL) = (final_response_offer_currency IS NULL)
          AND (final_response_offer_minor IS NULL OR final_response_text IS NOT NULL)),
        CONSTRAINT ck_frontline_complaint_offer_currency CHECK (
          final_response_offer_currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_frontline_complaint_offer_amount CHECK (
          final_response_offer_minor BETWEEN 0 AND 9007199254740991)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX uq_frontline_complaint_source_external_id
        ON frontline_complaint (source, external_id) WHERE external_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX ix_frontline_complaint_received
        ON frontline_complaint (received_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE frontline_complaint');
    await q.query('DROP SEQUENCE frontline_complaint_reference_seq');
  }
}
