import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertedRowOf, integer, RawRow, rowsOf, text, textOrNull } from '../common/sql-rows';
import { Bucket } from './kpi-formulas';
import {
  CaseFigures,
  CLOSED_WITHIN,
  maintainedFigures,
  mergeCaseFigures,
  REJECTION_CODE,
  RunSql,
  sumBy,
  wholeMonthsWithin,
} from './kpi-maintained-sql';
import { KpiAggregates, PolicyTerm } from './kpi-report';
import { remedyFigures } from './kpi-remedy-figures';

export type { RunSql } from './kpi-maintained-sql';

/** The KPI aggregates of a period, read through the service's data source. */
@Injectable()
export class KpiAggregatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  collect(from: Date, to: Date, outcome: PolicyTerm): Promise<KpiAggregates> {
    return collectKpiAggregates(
      (sql, params) => this.dataSource.query(sql, params),
      from,
      to,
      outcome,
    );
  }
}

const bucketOf = (row: RawRow): Bucket => ({
  value: integer(row, 'value'),
  count: integer(row, 'count'),
});

/**
 * The aggregates of a period, half-open [from, to). The whole UTC months inside it are read from
 * the maintained aggregates (kpi-maintained-sql.ts, kpi-remedy-figures.ts); the days before the
 * first and after the last whole month, and the suggestions register, from the tables. The figures
 * equal `collectLiveKpiAggregates` at any moment (test/kpi-aggregates.int-spec.ts).
 */
export async function collectKpiAggregates(
  run: RunSql,
  from: Date,
  to: Date,
  outcome: PolicyTerm,
): Promise<KpiAggregates> {
  const months = wholeMonthsWithin(from, to);
  if (!months) return collectLiveKpiAggregates(run, from, to, outcome);
  const edges = [
    { from, to: months.from },
    { from: months.to, to },
  ].filter((edge) => edge.from < edge.to);
  const [maintained, suggestionCounts, remedyAggregates, ...live] = await Promise.all([
    maintainedFigures(run, months.from, months.to, outcome),
    suggestions(run, from, to),
    remedyFigures(run, from, to, months, edges),
    ...edges.map((edge) => liveCaseFigures(run, edge.from, edge.to, outcome)),
  ]);
  return {
    from,
    to,
    ...live.reduce(mergeCaseFigures, maintained),
    ...suggestionCounts,
    remedies: remedyAggregates,
  };
}

/**
 * The same aggregates recomputed from the tables alone, each from one index range scan
 * (migrations add-report-indexes): received cases by created_at, closed cases by closed_at,
 * acknowledgements by start, remedies by binding and fulfilment. Only counts, sums and histograms
 * leave the database.
 */
export async function collectLiveKpiAggregates(
  run: RunSql,
  from: Date,
  to: Date,
  outcome: PolicyTerm,
): Promise<KpiAggregates> {
  const [figures, suggestionCounts, remedyAggregates] = await Promise.all([
    liveCaseFigures(run, from, to, outcome),
    suggestions(run, from, to),
    remedyFigures(run, from, to, null, [{ from, to }]),
  ]);
  return { from, to, ...figures, ...suggestionCounts, remedies: remedyAggregates };
}

/** The figures of cases, acknowledgements and ratings of [from, to), from the tables. */
async function liveCaseFigures(
  run: RunSql,
  from: Date,
  to: Date,
  outcome: PolicyTerm,
): Promise<CaseFigures> {
  const [received, closed, hours, acknowledgement, ratings] = await Promise.all([
    receivedCases(run, from, to),
    closedCases(run, from, to, outcome),
    hoursToOutcome(run, from, to),
    acknowledgements(run, from, to),
    feedbackRatings(run, from, to),
  ]);
  return { ...received, ...closed, hoursToOutcome: hours, ...acknowledgement, ratings };
}

async function receivedCases(run: RunSql, from: Date, to: Date) {
  const rows = rowsOf(
    await run(
      `SELECT status, category, count(*)::int AS n
         FROM ombudsman_case WHERE created_at >= $1 AND created_at < $2
        GROUP BY status, category`,
      [from, to],
    ),
    (row) => ({
      status: text(row, 'status'),
      category: text(row, 'category'),
      n: integer(row, 'n'),
    }),
  );
  return {
    receivedByStatus: sumBy(rows, (r) => r.status),
    receivedByCategory: sumBy(rows, (r) => r.category),
  };
}

async function closedCases(run: RunSql, from: Date, to: Date, outcome: PolicyTerm) {
  const rows = rowsOf(
    await run(
      `SELECT outcome AS key, CASE WHEN outcome = 'rejected' THEN ${REJECTION_CODE} END AS reason,
            count(*)::int AS n,
            count(*) FILTER (WHERE accepted_at IS NOT NULL)::int AS accepted,
            count(*) FILTER (WHERE ${CLOSED_WITHIN})::int AS within
       FROM ombudsman_case c WHERE closed_at >= $1 AND closed_at < $2
      GROUP BY outcome, 2`,
      [from, to, outcome.amount, outcome.unit],
    ),
    (row) => ({
      key: text(row, 'key'),
      reason: textOrNull(row, 'reason'),
      n: integer(row, 'n'),
      accepted: integer(row, 'accepted'),
      within: integer(row, 'within'),
    }),
  );
  const refused = rows.filter((r) => r.key === 'rejected');
  return {
    closedByOutcome: sumBy(rows, (r) => r.key),
    rejectedByReason: sumBy(refused, (r) => r.reason ?? 'other'),
    closedAfterAcceptance: rows.reduce((s, r) => s + r.accepted, 0),
    closedWithinOutcomeDays: rows.reduce((s, r) => s + r.within, 0),
  };
}

/** A histogram in whole hours: medians come from a few hundred buckets, not from every case. */
async function hoursToOutcome(run: RunSql, from: Date, to: Date): Promise<Bucket[]> {
  return rowsOf(
    await run(
      `SELECT round(extract(epoch FROM closed_at - created_at) / 3600)::int AS value, count(*)::int AS count
         FROM ombudsman_case WHERE closed_at >= $1 AND closed_at < $2
        GROUP BY 1`,
      [from, to],
    ),
    bucketOf,
  );
}

/** Met, or missed; a deadline cancelled (case closed) before it fell due was never missed. */
async function acknowledgements(run: RunSql, from: Date, to: Date) {
  return insertedRowOf(
    await run(
      `SELECT count(*) FILTER (WHERE met_at IS NOT NULL AND met_at <= due_at)::int AS in_time,
            count(*) FILTER (WHERE met_at IS NOT NULL
                               OR (due_at < now() AND (cancelled_at IS NULL OR cancelled_at > due_at)))::int AS due
       FROM case_deadline
      WHERE kind = 'acknowledge' AND started_at >= $1 AND started_at < $2`,
      [from, to],
    ),
    (row) => ({
      acknowledgedInTime: integer(row, 'in_time'),
      acknowledgementsDue: integer(row, 'due'),
    }),
  );
}

async function feedbackRatings(run: RunSql, from: Date, to: Date): Promise<Bucket[]> {
  return rowsOf(
    await run(
      `SELECT rating::int AS value, count(*)::int AS count
         FROM case_feedback WHERE created_at >= $1 AND created_at < $2 GROUP BY rating`,
      [from, to],
    ),
    bucketOf,
  );
}

/**
 * Open register items: suggestions accepted before the period ended and not yet implemented
 * (ix_suggestion_accepted_open); implemented ones count in their period.
 */
async function suggestions(run: RunSql, from: Date, to: Date) {
  return insertedRowOf(
    await run(
      `SELECT (SELECT count(*) FROM suggestion
              WHERE status = 'accepted' AND accepted_at < $2)::int AS open,
            (SELECT count(*) FROM suggestion
              WHERE implemented_at >= $1 AND implemented_at < $2)::int AS implemented`,
      [from, to],
    ),
    (row) => ({
      suggestionsOpen: integer(row, 'open'),
      suggestionsImplemented: integer(row, 'implemented'),
    }),
  );
}
