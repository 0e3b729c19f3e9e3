import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per e-mail to a party: what it is (template, language, the values it is rendered
 * from), to whom, and what became of it (status, attempts, last error, Message-ID, sent_at).
 * `source_key` is the outbox event, reminder or access-link request that caused it: with the
 * template and recipient it is unique, so a message is queued once however often its source is
 * read. The outbox gets its own "read by the mail dispatcher" marker beside the webhooks' one;
 * events recorded before this migration were never meant to be mailed and are marked read.
 */
export class CreateMailMessages1764000600000 implements MigrationInterface {
  name = 'CreateMailMessages1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_event ADD COLUMN mail_planned_at timestamptz`);
    await q.query(`UPDATE outbox_event SET mail_planned_at = now()`);
    await q.query(`
      CREATE INDEX ix_outbox_event_mail_pending
          ON outbox_event (position) WHERE mail_planned_at IS NULL`);
    await q.query(`
      CREATE TABLE mail_message (
        id              uuid        NOT NULL DEFAULT gen_random_uuid(),
        position        bigint GENERATED ALWAYS AS IDENTITY,
        case_id         uuid        NOT NULL,
        source_key      text        NOT NULL,
        template        text        NOT NULL,
        language        text        NOT NULL,
        audience        text        NOT NULL,
        recipient       text        NOT NULL,
        recipient_name  text,
        params          jsonb       NOT NULL,
        token_sealed    bytea,
        status          text        NOT NULL DEFAULT 'queued',
        attempts        integer     NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error      text,
        subject         text,
        message_id      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        sent_at         timestamptz,
        CONSTRAINT pk_mail_message PRIMARY KEY (id),
        CONSTRAINT uq_mail_message_position UNIQUE (position),
        CONSTRAINT uq_mail_message_source UNIQUE (source_key, template, recipient),
        CONSTRAINT fk_mail_message_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT ck_mail_message_status CHECK (status IN ('queued', 'sent', 'failed')),
        CONSTRAINT ck_mail_message_language CHECK (language IN ('en', 'ru', 'zh')),
        CONSTRAINT ck_mail_message_audience CHECK (audience IN ('customer', 'company')),
        CONSTRAINT ck_mail_message_next_attempt
          CHECK ((status = 'queued') = (next_attempt_at IS NOT NULL)),
        CONSTRAINT ck_mail_message_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT ck_mail_message_token_unsent CHECK (token_sealed IS NULL OR status = 'queued'),
        CONSTRAINT ck_mail_message_attempts CHECK (attempts >= 0)
      )`);
    await q.query(`
      CREATE INDEX ix_mail_message_due ON mail_message (next_attempt_at) WHERE status = 'queued'`);
    await q.query(`CREATE INDEX ix_mail_message_case ON mail_message (case_id, position)`);
    await q.query(`
      CREATE INDEX ix_mail_message_access_links ON mail_message (case_id, created_at)
       WHERE template = 'access_link'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mail_message');
    await q.query('DROP INDEX ix_outbox_event_mail_pending');
    await q.query('ALTER TABLE outbox_event DROP COLUMN mail_planned_at');
  }
}
