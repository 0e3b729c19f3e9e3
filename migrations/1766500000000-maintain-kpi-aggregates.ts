import { MigrationInterface, QueryRunner } from 'typeorm';

/** The UTC calendar month an instant falls in: the grain of the maintained KPI aggregates. */
const MONTH_OF = `
  CREATE FUNCTION kpi_month_of(at timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN date_trunc('month', at AT TIME ZONE 'UTC')::date`;

/**
 * What one case adds to the KPI report (src/reports/kpi-sql.ts reads the same figures from the
 * cases for the days a month bucket does not cover, with the same expressions):
 * - `received`: by the month it was filed, its current status and its category;
 * - `closed`: by the month it closed, its outcome, the refusal code of a rejected one and whether
 *   its file was complete (value 1 when accepted);
 * - `closed_days`: accepted cases by whole days from acceptance to closure, rounded up
 *   (closed_at <= accepted_at + N days exactly when that is <= N);
 * - `hours`: hours from receipt to closure, as the report's histogram rounds them.
 */
const CASE_FACTS = `
  CREATE FUNCTION kpi_case_facts(c ombudsman_case)
    RETURNS TABLE (month date, measure text, key1 text, key2 text, value integer)
    LANGUAGE plpgsql STABLE
  AS $$
  BEGIN
    RETURN QUERY
    SELECT kpi_month_of(c.created_at), 'received'::text, c.status, c.category, 0
    UNION ALL
    SELECT kpi_month_of(c.closed_at), 'closed', coalesce(c.outcome, ''),
           CASE WHEN c.outcome = 'rejected' THEN coalesce(c.rejection_code,
             CASE WHEN c.eligibility_reason = 'out_of_time' THEN 'out_of_time' ELSE 'other' END)
           ELSE '' END,
           (c.accepted_at IS NOT NULL)::int
     WHERE c.closed_at IS NOT NULL
    UNION ALL
    SELECT kpi_month_of(c.closed_at), 'closed_days', '', '',
           ceil(extract(epoch FROM c.closed_at - c.accepted_at) / 86400)::int
     WHERE c.closed_at IS NOT NULL AND c.accepted_at IS NOT NULL
    UNION ALL
    SELECT kpi_month_of(c.closed_at), 'hours', '', '',
           round(extract(epoch FROM c.closed_at - c.created_at) / 3600)::int
     WHERE c.closed_at IS NOT NULL;
  END $$`;

/** A rating, by the month it was given. */
const FEEDBACK_FACTS = `
  CREATE FUNCTION kpi_feedback_facts(f case_feedback)
    RETURNS TABLE (month date, measure text, key1 text, key2 text, value integer)
    LANGUAGE plpgsql STABLE
  AS $$
  BEGIN
    RETURN QUERY SELECT kpi_month_of(f.created_at), 'rating'::text, ''::text, ''::text, f.rating::int;
  END $$`;

/**
 * An acknowledgement deadline, by the month it started: met in time, met late, or not met (whether
 * an unmet one is due depends on the time of the report, so the report counts those itself, from
 * ix_case_deadline_acknowledge_unmet).
 */
const DEADLINE_FACTS = `
  CREATE FUNCTION kpi_deadline_facts(d case_deadline)
    RETURNS TABLE (month date, measure text, key1 text, key2 text, value integer)
    LANGUAGE plpgsql STABLE
  AS $$
  BEGIN
    IF d.kind = 'acknowledge' THEN
      RETURN QUERY SELECT kpi_month_of(d.started_at), 'acknowledge'::text,
             CASE WHEN d.met_at IS NULL THEN 'unmet'
                  WHEN d.met_at <= d.due_at THEN 'in_time' ELSE 'late' END, ''::text, 0;
    END IF;
  END $$`;

/** One trigger function per table: what the old row added is taken away, the new row's added. */
const changed = (table: string, facts: string) => `
  CREATE FUNCTION kpi_${table}_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO kpi_delta (month, measure, key1, key2, value, n)
      SELECT f.month, f.measure, f.key1, f.key2, f.value, 1 FROM ${facts}(NEW) f;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO kpi_delta (month, measure, key1, key2, value, n)
      SELECT f.month, f.measure, f.key1, f.key2, f.value, -1 FROM ${facts}(OLD) f;
    ELSE
      INSERT INTO kpi_delta (month, measure, key1, key2, value, n)
      SELECT d.month, d.measure, d.key1, d.key2, d.value, sum(d.n)::int
        FROM (SELECT f.*, -1 AS n FROM ${facts}(OLD) f
              UNION ALL
              SELECT f.*, 1 AS n FROM ${facts}(NEW) f) d
       GROUP BY 1, 2, 3, 4, 5
      HAVING sum(d.n) <> 0;
    END IF;
    RETURN NULL;
  END $$`;

export const REBUILD = `
  CREATE FUNCTION kpi_rebuild() RETURNS void LANGUAGE sql
  BEGIN ATOMIC
    DELETE FROM kpi_delta;
    DELETE FROM kpi_month;
    INSERT INTO kpi_month (month, measure, key1, key2, value, n)
    SELECT f.month, f.measure, f.key1, f.key2, f.value, count(*)
      FROM ombudsman_case c, kpi_case_facts(c) f GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT f.month, f.measure, f.key1, f.key2, f.value, count(*)
      FROM case_feedback r, kpi_feedback_facts(r) f GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT f.month, f.measure, f.key1, f.key2, f.value, count(*)
      FROM case_deadline d, kpi_deadline_facts(d) f GROUP BY 1, 2, 3, 4, 5;
  END`;

/**
 * The KPI report's case, rating and acknowledgement figures kept up to date as they change, so a
 * report over ten years reads a few thousand month rows instead of every case (issue 17).
 *
 * Triggers append what a change adds or takes away to `kpi_delta`, in the changing transaction
 * itself: a plain INSERT, so concurrent filings never wait on a shared counter row.
 * `KpiCompactionJob` (src/reports/kpi-compaction.job.ts) folds the deltas into `kpi_month` now
 * and then; a report sums both in one statement, so its figures are exact at any moment.
 * `kpi_rebuild()` recomputes everything from the tables (run here once, and by the bench seed
 * after a bulk load with the triggers off).
 */
export class MaintainKpiAggregates1766500000000 implements MigrationInterface {
  name = 'MaintainKpiAggregates1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kpi_month (
        month   date    NOT NULL,
        measure text    NOT NULL,
        key1    text    NOT NULL,
        key2    text    NOT NULL,
        value   integer NOT NULL,
        n       bigint  NOT NULL,
        CONSTRAINT pk_kpi_month PRIMARY KEY (measure, month, key1, key2, value)
      )`);
    await q.query(`
      CREATE TABLE kpi_delta (
        id      bigint  GENERATED ALWAYS AS IDENTITY,
        month   date    NOT NULL,
        measure text    NOT NULL,
        key1    text    NOT NULL,
        key2    text    NOT NULL,
        value   integer NOT NULL,
        n       integer NOT NULL,
        CONSTRAINT pk_kpi_delta PRIMARY KEY (id)
      )`);
    await q.query('CREATE INDEX ix_kpi_delta_measure_month ON kpi_delta (measure, month)');
    await q.query(`
      CREATE INDEX ix_case_deadline_acknowledge_unmet ON case_deadline (started_at)
        INCLUDE (due_at, cancelled_at) WHERE kind = 'acknowledge' AND met_at IS NULL`);
    await q.query(MONTH_OF);
    await q.query(CASE_FACTS);
    await q.query(FEEDBACK_FACTS);
    await q.query(DEADLINE_FACTS);
    await q.query(changed('case', 'kpi_case_facts'));
    await q.query(changed('feedback', 'kpi_feedback_facts'));
    await q.query(changed('deadline', 'kpi_deadline_facts'));
    await q.query(`
      CREATE TRIGGER tr_ombudsman_case_kpi
        AFTER INSERT OR DELETE OR UPDATE OF status, category, created_at, closed_at, outcome,
          accepted_at, rejection_code, eligibility_reason
        ON ombudsman_case FOR EACH ROW EXECUTE FUNCTION kpi_case_changed()`);
    await q.query(`
      CREATE TRIGGER tr_case_feedback_kpi
        AFTER INSERT OR DELETE OR UPDATE OF rating, created_at
        ON case_feedback FOR EACH ROW EXECUTE FUNCTION kpi_feedback_changed()`);
    await q.query(`
      CREATE TRIGGER tr_case_deadline_kpi
        AFTER INSERT OR DELETE OR UPDATE OF kind, started_at, due_at, met_at
        ON case_deadline FOR EACH ROW EXECUTE FUNCTION kpi_deadline_changed()`);
    await q.query(REBUILD);
    await q.query('SELECT kpi_rebuild()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_case_deadline_kpi ON case_deadline');
    await q.query('DROP TRIGGER tr_case_feedback_kpi ON case_feedback');
    await q.query('DROP TRIGGER tr_ombudsman_case_kpi ON ombudsman_case');
    await q.query('DROP FUNCTION kpi_rebuild()');
    await q.query('DROP FUNCTION kpi_deadline_changed()');
    await q.query('DROP FUNCTION kpi_feedback_changed()');
    await q.query('DROP FUNCTION kpi_case_changed()');
    await q.query('DROP FUNCTION kpi_deadline_facts(case_deadline)');
    await q.query('DROP FUNCTION kpi_feedback_facts(case_feedback)');
    await q.query('DROP FUNCTION kpi_case_facts(ombudsman_case)');
    await q.query('DROP FUNCTION kpi_month_of(timestamptz)');
    await q.query('DROP INDEX ix_case_deadline_acknowledge_unmet');
    await q.query('DROP TABLE kpi_delta');
    await q.query('DROP TABLE kpi_month');
  }
}
