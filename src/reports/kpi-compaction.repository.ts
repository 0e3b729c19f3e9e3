import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { integer, text } from '../common/sql-rows';

/**
 * Folds the deltas the triggers of migration 1766500000000-maintain-kpi-aggregates appended into
 * the month aggregates and the year aggregates (migration 1767500000000), in one statement: the
 * deltas it sees are deleted and added to their month and their year together, so a report
 * (which sums aggregates and deltas) reads the same figures before and after. Deltas committed
 * meanwhile are not in its snapshot and wait for the next run. The advisory lock keeps two
 * instances from folding at once (each would wait on the other's upserts).
 */
const COMPACT = `
  WITH locked AS (SELECT pg_try_advisory_xact_lock(hashtext('kpi_compaction')) AS got),
  moved AS (
    DELETE FROM kpi_delta WHERE (SELECT got FROM locked)
    RETURNING month, measure, key1, key2, value, n),
  monthly AS (
    INSERT INTO kpi_month AS m (month, measure, key1, key2, value, n)
    SELECT month, measure, key1, key2, value, sum(n) FROM moved GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (measure, month, key1, key2, value) DO UPDATE SET n = m.n + EXCLUDED.n
    RETURNING 'kpi_month' AS grain, m.measure, m.month AS at, m.key1, m.key2, m.value, m.n),
  yearly AS (
    INSERT INTO kpi_year AS y (year, measure, key1, key2, value, n)
    SELECT date_trunc('year', month)::date, measure, key1, key2, value, sum(n)
      FROM moved GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (measure, year, key1, key2, value) DO UPDATE SET n = y.n + EXCLUDED.n
    RETURNING 'kpi_year' AS grain, y.measure, y.year AS at, y.key1, y.key2, y.value, y.n)
  SELECT (SELECT count(*) FROM moved)::int AS moved,
         (SELECT coalesce(jsonb_agg(jsonb_build_array(grain, measure, at, key1, key2, value)), '[]')
            FROM (SELECT * FROM monthly UNION ALL SELECT * FROM yearly) folded
           WHERE n = 0)::text AS emptied`;

/** Facts that cancelled out (a case moved on from a status) leave rows of zero behind. */
const DROP_EMPTIED = `
  WITH emptied AS (
    SELECT e ->> 0 AS grain, e ->> 1 AS measure, (e ->> 2)::date AS at, e ->> 3 AS key1,
           e ->> 4 AS key2, (e ->> 5)::int AS value
      FROM jsonb_array_elements($1::jsonb) e),
  months AS (
    DELETE FROM kpi_month WHERE n = 0 AND (measure, month, key1, key2, value) IN (
      SELECT measure, at, key1, key2, value FROM emptied WHERE grain = 'kpi_month'))
  DELETE FROM kpi_year WHERE n = 0 AND (measure, year, key1, key2, value) IN (
    SELECT measure, at, key1, key2, value FROM emptied WHERE grain = 'kpi_year')`;

@Injectable()
export class KpiCompactionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** How many deltas were folded. */
  async compact(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(COMPACT)) as Record<string, unknown>[];
      const emptied = text(row, 'emptied');
      if (emptied !== '[]') await manager.query(DROP_EMPTIED, [emptied]);
      return integer(row, 'moved');
    });
  }
}
