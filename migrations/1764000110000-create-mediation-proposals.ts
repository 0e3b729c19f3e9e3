import { MigrationInterface, QueryRunner } from 'typeorm';

const ANSWER = `IN ('accepted', 'rejected')`;

/** Mediation proposals: terms put to both parties, each answer recorded once. */
export class CreateMediationProposals1764000110000 implements MigrationInterface {
  name = 'CreateMediationProposals1764000110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mediation_proposal (
        id                   uuid        NOT NULL DEFAULT gen_random_uuid(),
        case_id              uuid        NOT NULL,
        terms                text        NOT NULL,
        status               text        NOT NULL,
        expires_at           timestamptz,
        proposed_by          text        NOT NULL,
        proposed_by_role     text        NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        sent_at              timestamptz,
        closed_at            timestamptz,
        customer_answer      text,
        customer_answered_at timestamptz,
        customer_reason      text,
        company_answer       text,
        company_answered_at  timestamptz,
        company_answered_by  text,
        company_reason       text,
        CONSTRAINT pk_mediation_proposal PRIMARY KEY (id),
        CONSTRAINT fk_mediation_proposal_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT ck_mediation_proposal_status CHECK (status IN
          ('awaiting_approval', 'open', 'accepted', 'rejected', 'expired', 'superseded')),
        CONSTRAINT ck_mediation_proposal_customer_answer CHECK (
          (customer_answer IS NULL OR customer_answer ${ANSWER})
          AND ((customer_answer IS NULL) = (customer_answered_at IS NULL))),
        CONSTRAINT ck_mediation_proposal_company_answer CHECK (
          (company_answer IS NULL OR company_answer ${ANSWER})
          AND ((company_answer IS NULL) = (company_answered_at IS NULL))),
        CONSTRAINT ck_mediation_proposal_sent CHECK (status = 'awaiting_approval' OR sent_at IS NOT NULL
          OR status = 'superseded')
      )`);
    await q.query(
      `CREATE INDEX ix_mediation_proposal_case ON mediation_proposal (case_id, created_at, id)`,
    );
    // At most one live proposal per case: a new one supersedes the last in the same transaction.
    await q.query(`
      CREATE UNIQUE INDEX uq_mediation_proposal_live ON mediation_proposal (case_id)
        WHERE status IN ('awaiting_approval', 'open')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mediation_proposal');
  }
}
