import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'submitted','referred_to_frontline','rejected','accepted','investigation','mediation','settled','decision_issued','fulfilment','closed'`;
const OUTCOMES = `'resolved_by_frontline','rejected','withdrawn','litigation','settled','upheld','partially_upheld','not_upheld','not_accepted','lapsed'`;

/** The ombudsman case. It refers to a front-line complaint by reference only, never by key. */
export class CreateCases1764000003000 implements MigrationInterface {
  name = 'CreateCases1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ombudsman_case (
        id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
        reference            text        NOT NULL,
        status               text        NOT NULL,
        outcome              text,
        version              integer     NOT NULL DEFAULT 1,
        customer_name        text        NOT NULL,
        customer_email       text        NOT NULL,
        customer_number      text,
        complaint_reference  text,
        frontline_agent_id   text,
        subject              text        NOT NULL,
        description          text        NOT NULL,
        desired_outcome      text,
        amount_minor         bigint,
        amount_currency      char(3),
        category             text        NOT NULL,
        language             text        NOT NULL,
        eligibility_reason   text,
        assigned_officer_id  text,
        assigned_officer_name text,
        access_token_hash    bytea       NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        acknowledged_at      timestamptz,
        accepted_at          timestamptz,
        closed_at            timestamptz,
        CONSTRAINT pk_ombudsman_case PRIMARY KEY (id),
        CONSTRAINT uq_ombudsman_case_reference UNIQUE (reference),
        CONSTRAINT ck_ombudsman_case_reference CHECK (reference ~ '^OMB-[0-9]{4}-[0-9]{6,}$'),
        CONSTRAINT ck_ombudsman_case_status CHECK (status IN (${STATUSES})),
        CONSTRAINT ck_ombudsman_case_outcome CHECK (outcome IS NULL OR outcome IN (${OUTCOMES})),
        CONSTRAINT ck_ombudsman_case_closed_has_outcome CHECK ((status = 'closed') = (outcome IS NOT NULL)),
        CONSTRAINT ck_ombudsman_case_language CHECK (language IN ('en', 'ru', 'zh')),
        CONSTRAINT ck_ombudsman_case_amount CHECK (
          (amount_minor IS NULL AND amount_currency IS NULL)
          OR (amount_minor >= 0 AND amount_currency ~ '^[A-Z]{3}$')),
        CONSTRAINT ck_ombudsman_case_version CHECK (version >= 1)
      )`);
    // The queue lists newest first with a stable tie-break; most filters lead with status.
    await q.query(
      `CREATE INDEX ix_ombudsman_case_created ON ombudsman_case (created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_ombudsman_case_status_created ON ombudsman_case (status, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_ombudsman_case_complaint ON ombudsman_case (complaint_reference) WHERE complaint_reference IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ombudsman_case');
  }
}
