import { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES = `'refund','goodwill_payment','distress_compensation','service_credit','repair_or_replacement','apology','corrective_action','other'`;

/**
 * Remedies offered in a proposal or awarded in a decision, followed until the company records
 * fulfilment; and the approvals that lift a remedy above an officer's authority. Money is bigint
 * minor units plus currency, never a float.
 */
export class CreateRemedies1764000100000 implements MigrationInterface {
  name = 'CreateRemedies1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE remedy (
        id                  uuid        NOT NULL DEFAULT gen_random_uuid(),
        case_id             uuid        NOT NULL,
        source              text        NOT NULL,
        source_id           uuid        NOT NULL,
        position            smallint    NOT NULL DEFAULT 0,
        type                text        NOT NULL,
        amount_minor        bigint,
        currency            char(3),
        description         text        NOT NULL,
        status              text        NOT NULL DEFAULT 'proposed',
        proposed_by         text        NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        -- How many different ombudsmen must approve before the remedy may reach the parties.
        approvals_required  smallint    NOT NULL DEFAULT 0,
        -- When the remedy became binding (settlement or accepted decision): the budget year.
        bound_at            timestamptz,
        due_at              timestamptz,
        fulfilled_at        timestamptz,
        payment_reference   text,
        fulfilled_by        text,
        fulfilment_note     text,
        recorded_at         timestamptz,
        confirmation        text,
        confirmed_by        text,
        confirmed_at        timestamptz,
        confirmation_note   text,
        CONSTRAINT pk_remedy PRIMARY KEY (id),
        CONSTRAINT fk_remedy_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT ck_remedy_source CHECK (source IN ('proposal', 'decision')),
        CONSTRAINT ck_remedy_type CHECK (type IN (${TYPES})),
        CONSTRAINT ck_remedy_amount CHECK (amount_minor IS NULL OR amount_minor > 0),
        CONSTRAINT ck_remedy_money_pair CHECK ((amount_minor IS NULL) = (currency IS NULL)),
        CONSTRAINT ck_remedy_currency CHECK (currency IS NULL OR currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_remedy_status CHECK (status IN ('proposed', 'due', 'fulfilled', 'superseded')),
        CONSTRAINT ck_remedy_binding_dates CHECK (
          status NOT IN ('due', 'fulfilled') OR (bound_at IS NOT NULL AND due_at IS NOT NULL)),
        CONSTRAINT ck_remedy_fulfilled CHECK ((status = 'fulfilled') = (fulfilled_at IS NOT NULL)),
        CONSTRAINT ck_remedy_approvals CHECK (approvals_required BETWEEN 0 AND 2),
        CONSTRAINT ck_remedy_confirmation CHECK (
          confirmation IS NULL OR (confirmation IN ('confirmed', 'disputed') AND status = 'fulfilled'))
      )`);
    await q.query(`CREATE INDEX ix_remedy_case ON remedy (case_id, created_at, position)`);
    await q.query(`CREATE INDEX ix_remedy_source ON remedy (source_id, position)`);
    // Overdue listing and the budget read only due or paid remedies.
    await q.query(`CREATE INDEX ix_remedy_due ON remedy (due_at, id) WHERE status = 'due'`);
    await q.query(
      `CREATE INDEX ix_remedy_bound ON remedy (bound_at, currency) WHERE bound_at IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE remedy_approval (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        remedy_id   uuid        NOT NULL,
        approver    text        NOT NULL,
        approver_name text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_remedy_approval PRIMARY KEY (id),
        CONSTRAINT fk_remedy_approval_remedy FOREIGN KEY (remedy_id) REFERENCES remedy (id),
        CONSTRAINT uq_remedy_approval_approver UNIQUE (remedy_id, approver)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE remedy_approval');
    await q.query('DROP TABLE remedy');
  }
}
