import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline policies and business calendars as data (DESIGN §4). A policy row exists only for a
 * kind someone changed; the others follow the configured defaults. A default calendar ships.
 */
export class CreateSlaCalendarsAndPolicies1764000200000 implements MigrationInterface {
  name = 'CreateSlaCalendarsAndPolicies1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_calendar (
        id            uuid        NOT NULL DEFAULT gen_random_uuid(),
        name          text        NOT NULL,
        time_zone     text        NOT NULL,
        -- ISO weekdays, 1 = Monday … 7 = Sunday.
        working_days  smallint[]  NOT NULL,
        holidays      date[]      NOT NULL DEFAULT '{}',
        is_default    boolean     NOT NULL DEFAULT false,
        version       integer     NOT NULL DEFAULT 1,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_sla_calendar PRIMARY KEY (id),
        CONSTRAINT uq_sla_calendar_name UNIQUE (name),
        CONSTRAINT ck_sla_calendar_working_days CHECK (
          cardinality(working_days) BETWEEN 1 AND 7 AND working_days <@ '{1,2,3,4,5,6,7}'::smallint[]),
        CONSTRAINT ck_sla_calendar_holidays CHECK (cardinality(holidays) <= 1000)
      )`);
    // At most one default calendar.
    await q.query(
      `CREATE UNIQUE INDEX uq_sla_calendar_default ON sla_calendar (is_default) WHERE is_default`,
    );
    await q.query(`
      INSERT INTO sla_calendar (name, time_zone, working_days, holidays, is_default)
      VALUES ('default', 'Europe/Berlin', '{1,2,3,4,5}', '{}', true)`);
    await q.query(`
      CREATE TABLE sla_policy (
        kind          text        NOT NULL,
        amount        integer     NOT NULL,
        unit          text        NOT NULL,
        -- Business days count in this calendar; the default calendar when null.
        calendar_id   uuid,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        updated_by    text        NOT NULL,
        CONSTRAINT pk_sla_policy PRIMARY KEY (kind),
        CONSTRAINT fk_sla_policy_calendar FOREIGN KEY (calendar_id) REFERENCES sla_calendar (id),
        CONSTRAINT ck_sla_policy_kind CHECK (kind IN ('acknowledge', 'frontline_response', 'outcome',
          'decision_answer', 'remedy_payment', 'information_request')),
        CONSTRAINT ck_sla_policy_unit CHECK (unit IN ('business_days', 'calendar_days')),
        CONSTRAINT ck_sla_policy_amount CHECK (amount BETWEEN 1 AND 3650)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sla_policy');
    await q.query('DROP TABLE sla_calendar');
  }
}
