import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { integer, text } from '../common/sql-rows';

/**
 * Folds the deltas the triggers of migration 1766500000000-maintain-kpi-aggregates appended into
 * the month aggregates, in one statement: the deltas it sees are deleted and added to their
 * months together, so a report (which sums both) reads the same figures before and after.
 * Deltas committed meanwhile are not in its snapshot and wait for the next run. The advisory lock
 * keeps two instances from folding at once (each would wait on the other's upserts).
 */
const COMPACT = `
  WITH locked AS (SELECT pg_try_advisory_xact_lock(hashtext('kpi_compaction')) AS got),
  moved AS (
    DELETE FROM kpi_delta WHERE (SELECT got FROM locked)
    RETURNING month, measure, key1, key2, value, n),
  folded AS (
    INSERT INTO kpi_month AS m (month, measure, key1, key2, value, n)
    SELECT month, measure, key1, key2, value, sum(n) FROM moved GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (measure, month, key1, key2, value) DO UPDATE SET n = m.n + EXCLUDED.n
    RETURNING m.measure, m.month, m.key1, m.key2, m.value, m.n)
  SELECT (SELECT count(*) FROM moved)::int AS moved,
         (SELECT coalesce(jsonb_agg(jsonb_build_array(measure, month, key1, key2, value)), '[]')
            FROM folded WHERE n = 0)::text AS emptied`;

/** Facts that cancelled out (a case moved on from a status) leave rows of zero behind. */
const DROP_EMPTIED = `
  DELETE FROM kpi_month WHERE n = 0 AND (measure, month, key1, key2, value) IN (
    SELECT e ->> 0, (e ->> 1)::date, e ->> 2, e ->> 3, (e ->> 4)::int
      FROM jsonb_array_elements($1::jsonb) e)`;

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
