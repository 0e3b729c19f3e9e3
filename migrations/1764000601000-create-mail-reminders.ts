import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders owed before a deadline: one row per kind and subject (information request,
 * proposal, decision, remedy), due at `send_after`. The sweep takes due rows with SKIP LOCKED and
 * marks them done in the same transaction as the messages it queues, so a reminder goes out once
 * even with several instances; `outcome` says whether it was sent or had become moot.
 */
export class CreateMailReminders1764000601000 implements MigrationInterface {
  name = 'CreateMailReminders1764000601000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_reminder (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        case_id     uuid        NOT NULL,
        kind        text        NOT NULL,
        subject_id  uuid        NOT NULL,
        due_at      timestamptz,
        send_after  timestamptz NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        done_at     timestamptz,
        outcome     text,
        CONSTRAINT pk_mail_reminder PRIMARY KEY (id),
        CONSTRAINT uq_mail_reminder_subject UNIQUE (kind, subject_id),
        CONSTRAINT fk_mail_reminder_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT ck_mail_reminder_kind CHECK (kind IN
          ('information_request', 'proposal', 'decision_answer', 'remedy_payment')),
        CONSTRAINT ck_mail_reminder_outcome CHECK (
          (done_at IS NULL AND outcome IS NULL) OR outcome IN ('queued', 'moot')),
        CONSTRAINT ck_mail_reminder_before_due CHECK (due_at IS NULL OR send_after <= due_at)
      )`);
    await q.query(`
      CREATE INDEX ix_mail_reminder_due ON mail_reminder (send_after) WHERE done_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mail_reminder');
  }
}
