import { MigrationInterface, QueryRunner } from 'typeorm';
import { REBUILD as YEARLY_REBUILD } from './1767500000000-roll-kpi-aggregates-up-by-year';

/**
 * What a set of remedies adds to the KPI report (src/reports/kpi-aggregates.repository.ts reads
 * the same figures from the table for the days a month bucket does not cover):
 * - per remedy with an amount: `awarded` / `awarded_minor` (count, amount) by the month it became
 *   binding, its type and currency; `paid` / `paid_minor` by the month it was fulfilled;
 * - per corrective action fulfilled: `corrective_done` by that month;
 * - per case: `owed_case` by the month its remedies became binding, `complied` when all of that
 *   month's are fulfilled, else `owing`; `paid_case` by currency and the month its remedies in that
 *   currency were paid. A case is counted once however many of its remedies there are, so these
 *   are only additive over months while a case's remedies share one month, as they nearly always
 *   do (a proposal or a decision binds all of its remedies at once). A case whose remedies span
 *   months gives `owed_case_multi` / `paid_case_multi` rows that name it (key2), one per month, and
 *   the report counts the distinct cases among them.
 */
const REMEDY_FACTS = `
  CREATE FUNCTION kpi_remedy_facts(rs remedy[])
    RETURNS TABLE (month date, measure text, key1 text, key2 text, value integer, n bigint)
    LANGUAGE sql STABLE
  AS $$
    WITH r AS (SELECT * FROM unnest(rs)),
    owed AS (
      SELECT case_id, month, done, count(*) OVER (PARTITION BY case_id) AS months
        FROM (SELECT case_id, kpi_month_of(bound_at) AS month, bool_and(status = 'fulfilled') AS done
                FROM r WHERE status IN ('due', 'fulfilled') GROUP BY 1, 2) g),
    paid AS (
      SELECT case_id, currency, month, count(*) OVER (PARTITION BY case_id, currency) AS months
        FROM (SELECT case_id, currency::text AS currency, kpi_month_of(fulfilled_at) AS month
                FROM r WHERE status = 'fulfilled' AND amount_minor IS NOT NULL GROUP BY 1, 2, 3) g)
    SELECT kpi_month_of(bound_at), m.measure, type, currency::text, 0, m.n
      FROM r, LATERAL (VALUES ('awarded', 1::bigint), ('awarded_minor', amount_minor)) m(measure, n)
     WHERE amount_minor IS NOT NULL AND status IN ('due', 'fulfilled')
    UNION ALL
    SELECT kpi_month_of(fulfilled_at), m.measure, type, currency::text, 0, m.n
      FROM r, LATERAL (VALUES ('paid', 1::bigint), ('paid_minor', amount_minor)) m(measure, n)
     WHERE amount_minor IS NOT NULL AND status = 'fulfilled'
    UNION ALL
    SELECT kpi_month_of(fulfilled_at), 'corrective_done', '', '', 0, 1
      FROM r WHERE status = 'fulfilled' AND type = 'corrective_action'
    UNION ALL
    SELECT month, CASE WHEN months = 1 THEN 'owed_case' ELSE 'owed_case_multi' END,
           CASE WHEN done THEN 'complied' ELSE 'owing' END,
           CASE WHEN months = 1 THEN '' ELSE case_id::text END, 0, 1
      FROM owed
    UNION ALL
    SELECT month, CASE WHEN months = 1 THEN 'paid_case' ELSE 'paid_case_multi' END, currency,
           CASE WHEN months = 1 THEN '' ELSE case_id::text END, 0, 1
      FROM paid
  $$`;

/**
 * A statement's change to remedies, as deltas: the facts of every case it touched after the
 * statement, less the same cases' facts before it (the rows now there that the statement did not
 * write, and the rows it replaced or removed). Per case, not per row, because a case's figures
 * depend on all of its remedies. The touched cases are locked first (the service already holds
 * them through its case lock), so two transactions never compute a case's "before" from the same
 * state; the statement after the lock reads what a transaction that held it committed.
 */
const changed = (op: 'INSERT' | 'UPDATE' | 'DELETE') => {
  const touched =
    op === 'INSERT'
      ? 'SELECT case_id FROM new_rows'
      : op === 'DELETE'
        ? 'SELECT case_id FROM old_rows'
        : 'SELECT case_id FROM new_rows UNION SELECT case_id FROM old_rows';
  const replaced = op === 'INSERT' ? '' : 'UNION ALL SELECT o::remedy FROM old_rows o';
  const written = op === 'DELETE' ? '' : 'AND r.id NOT IN (SELECT id FROM new_rows)';
  return `
  CREATE FUNCTION kpi_remedy_${op.toLowerCase()}ed() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    cases uuid[] := ARRAY(${touched});
  BEGIN
    PERFORM 1 FROM ombudsman_case WHERE id = ANY (cases) ORDER BY id FOR NO KEY UPDATE;
    INSERT INTO kpi_delta (month, measure, key1, key2, value, n)
    SELECT f.month, f.measure, f.key1, f.key2, f.value, sum(f.n)
      FROM (SELECT a.month, a.measure, a.key1, a.key2, a.value, a.n
              FROM kpi_remedy_facts(ARRAY(SELECT r FROM remedy r WHERE r.case_id = ANY (cases))) a
            UNION ALL
            SELECT b.month, b.measure, b.key1, b.key2, b.value, -b.n
              FROM kpi_remedy_facts(ARRAY(
                     SELECT r FROM remedy r WHERE r.case_id = ANY (cases) ${written}
                     ${replaced})) b) f
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(f.n) <> 0;
    RETURN NULL;
  END $$`;
};

const TRIGGERS = {
  INSERT: 'REFERENCING NEW TABLE AS new_rows',
  UPDATE: 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows',
  DELETE: 'REFERENCING OLD TABLE AS old_rows',
} as const;

/** Everything recomputed from the tables: months, then years from the months. */
const REBUILD = `
  CREATE OR REPLACE FUNCTION kpi_rebuild() RETURNS void LANGUAGE sql
  BEGIN ATOMIC
    DELETE FROM kpi_delta;
    DELETE FROM kpi_month;
    DELETE FROM kpi_year;
    INSERT INTO kpi_month (month, measure, key1, key2, value, n)
    SELECT f.month, f.measure, f.key1, f.key2, f.value, count(*)
      FROM ombudsman_case c, kpi_case_facts(c) f GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT f.month, f.measure, f.key1, f.key2, f.value, count(*)
      FROM case_feedback r, kpi_feedback_facts(r) f GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT f.month, f.measure, f.key1, f.key2, f.value, count(*)
      FROM case_deadline d, kpi_deadline_facts(d) f GROUP BY 1, 2, 3, 4, 5
    UNION ALL
    SELECT f.month, f.measure, f.key1, f.key2, f.value, sum(f.n)
      FROM kpi_remedy_facts(ARRAY(SELECT r FROM remedy r)) f GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO kpi_year (year, measure, key1, key2, value, n)
    SELECT date_trunc('year', month)::date, measure, key1, key2, value, sum(n)
      FROM kpi_month GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;
  END`;

/**
 * The KPI report's remedy figures (money awarded and paid, compliance, corrective actions) kept
 * up to date like its case figures (migration 1766500000000-maintain-kpi-aggregates), so that a
 * report over ten years no longer groups every remedy by case (issue 17). Amounts need 64 bits.
 */
export class MaintainKpiRemedyFigures1767500001000 implements MigrationInterface {
  name = 'MaintainKpiRemedyFigures1767500001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE kpi_delta ALTER COLUMN n TYPE bigint');
    await q.query(REMEDY_FACTS);
    for (const [op, referencing] of Object.entries(TRIGGERS) as [keyof typeof TRIGGERS, string][]) {
      await q.query(changed(op));
      await q.query(`
        CREATE TRIGGER tr_remedy_kpi_${op.toLowerCase()}
          AFTER ${op} ON remedy ${referencing}
          FOR EACH STATEMENT EXECUTE FUNCTION kpi_remedy_${op.toLowerCase()}ed()`);
    }
    await q.query(REBUILD);
    await q.query(`
      WITH facts AS (
        SELECT f.month, f.measure, f.key1, f.key2, f.value, sum(f.n) AS n
          FROM kpi_remedy_facts(ARRAY(SELECT r FROM remedy r)) f GROUP BY 1, 2, 3, 4, 5),
      months AS (INSERT INTO kpi_month (month, measure, key1, key2, value, n)
                 SELECT * FROM facts)
      INSERT INTO kpi_year (year, measure, key1, key2, value, n)
      SELECT date_trunc('year', month)::date, measure, key1, key2, value, sum(n)
        FROM facts GROUP BY 1, 2, 3, 4, 5`);
  }

  async down(q: QueryRunner): Promise<void> {
    const measures = `('awarded', 'awarded_minor', 'paid', 'paid_minor', 'corrective_done',
      'owed_case', 'owed_case_multi', 'paid_case', 'paid_case_multi')`;
    for (const table of ['kpi_delta', 'kpi_month', 'kpi_year'])
      await q.query(`DELETE FROM ${table} WHERE measure IN ${measures}`);
    for (const op of Object.keys(TRIGGERS)) {
      await q.query(`DROP TRIGGER tr_remedy_kpi_${op.toLowerCase()} ON remedy`);
      await q.query(`DROP FUNCTION kpi_remedy_${op.toLowerCase()}ed()`);
    }
    await q.query(YEARLY_REBUILD);
    await q.query('DROP FUNCTION kpi_remedy_facts(remedy[])');
    await q.query('ALTER TABLE kpi_delta ALTER COLUMN n TYPE integer');
  }
}
