import { MigrationInterface, QueryRunner } from 'typeorm';

const SUGGESTION_STATUSES = `'received','under_review','accepted','implemented','declined'`;

/**
 * What customers tell the office about itself: one satisfaction rating per closed case, and
 * improvement suggestions followed to implementation (DESIGN §5, rights 2 and 9).
 */
export class CreateFeedbackAndSuggestions1764000300000 implements MigrationInterface {
  name = 'CreateFeedbackAndSuggestions1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_feedback (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        case_id     uuid        NOT NULL,
        rating      smallint    NOT NULL,
        comment     text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_feedback PRIMARY KEY (id),
        CONSTRAINT fk_case_feedback_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT uq_case_feedback_case UNIQUE (case_id),
        CONSTRAINT ck_case_feedback_rating CHECK (rating BETWEEN 1 AND 5)
      )`);
    // Satisfaction figures read a period of feedback without touching the table.
    await q.query(
      `CREATE INDEX ix_case_feedback_created ON case_feedback (created_at) INCLUDE (rating)`,
    );
    await q.query(`
      CREATE TABLE suggestion (
        id               uuid        NOT NULL DEFAULT gen_random_uuid(),
        case_id          uuid        NOT NULL,
        text             text        NOT NULL,
        status           text        NOT NULL DEFAULT 'received',
        public_response  text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        accepted_at      timestamptz,
        implemented_at   timestamptz,
        CONSTRAINT pk_suggestion PRIMARY KEY (id),
        CONSTRAINT fk_suggestion_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT ck_suggestion_status CHECK (status IN (${SUGGESTION_STATUSES})),
        CONSTRAINT ck_suggestion_implemented CHECK ((status = 'implemented') = (implemented_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_suggestion_created ON suggestion (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_suggestion_case ON suggestion (case_id, created_at)`);
    await q.query(
      `CREATE INDEX ix_suggestion_implemented ON suggestion (implemented_at) WHERE implemented_at IS NOT NULL`,
    );
    // Owner, due date and progress of a register item (a corrective-action remedy or an accepted
    // suggestion); the item itself stays where it was made.
    await q.query(`
      CREATE TABLE corrective_action_tracking (
        source      text        NOT NULL,
        source_id   uuid        NOT NULL,
        owner       text,
        due_at      timestamptz,
        progress    text        NOT NULL DEFAULT 'open',
        note        text,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        updated_by  text        NOT NULL,
        CONSTRAINT pk_corrective_action_tracking PRIMARY KEY (source, source_id),
        CONSTRAINT ck_corrective_action_tracking_source CHECK (source IN ('remedy', 'suggestion')),
        CONSTRAINT ck_corrective_action_tracking_progress CHECK (progress IN ('open', 'in_progress'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE corrective_action_tracking');
    await q.query('DROP TABLE suggestion');
    await q.query('DROP TABLE case_feedback');
  }
}
