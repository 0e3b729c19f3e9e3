import { MigrationInterface, QueryRunner } from 'typeorm';
import { REBUILD as MONTHS_ONLY_REBUILD } from './1766500000000-maintain-kpi-aggregates';

/** As before, and then every year summed from its months. */
export const REBUILD = `
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
      FROM case_deadline d, kpi_deadline_facts(d) f GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO kpi_year (year, measure, key1, key2, value, n)
    SELECT date_trunc('year', month)::date, measure, key1, key2, value, sum(n)
      FROM kpi_month GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;
  END`;

/**
 * The maintained KPI figures also by UTC calendar year (issue 17). The hours-to-outcome histogram
 * has a row per month and whole hour, some 250,000 rows over ten years of an office: a report of
 * ten years read them all. A year holds about as many distinct hours as a month does, so whole
 * years inside a period are read here and only the months around them from kpi_month
 * (src/reports/kpi-maintained-sql.ts). The compaction folds each delta into its month and its
 * year in one statement (src/reports/kpi-compaction.repository.ts).
 */
export class RollKpiAggregatesUpByYear1767500000000 implements MigrationInterface {
  name = 'RollKpiAggregatesUpByYear1767500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kpi_year (
        year    date    NOT NULL,
        measure text    NOT NULL,
        key1    text    NOT NULL,
        key2    text    NOT NULL,
        value   integer NOT NULL,
        n       bigint  NOT NULL,
        CONSTRAINT pk_kpi_year PRIMARY KEY (measure, year, key1, key2, value),
        CONSTRAINT ck_kpi_year_first_day CHECK (year = date_trunc('year', year)::date)
      )`);
    await q.query(`
      INSERT INTO kpi_year (year, measure, key1, key2, value, n)
      SELECT date_trunc('year', month)::date, measure, key1, key2, value, sum(n)
        FROM kpi_month GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0`);
    await q.query(REBUILD);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(MONTHS_ONLY_REBUILD.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await q.query('DROP TABLE kpi_year');
  }
}
