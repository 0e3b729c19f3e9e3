import { bigintNumber, integer, rowsOf, text } from '../common/sql-rows';
import { Bucket } from './kpi-formulas';
import type { KpiAggregates, PolicyTerm } from './kpi-report';

/** Runs one parameterised query: TypeORM's DataSource.query in the service, a pg pool elsewhere. */
export type RunSql = (sql: string, params: unknown[]) => Promise<unknown>;

type Counts = Record<string, number>;

/** The figures of a period that come from cases, acknowledgement deadlines and ratings. */
export type CaseFigures = Pick<
  KpiAggregates,
  | 'receivedByStatus'
  | 'receivedByCategory'
  | 'closedByOutcome'
  | 'rejectedByReason'
  | 'closedAfterAcceptance'
  | 'closedWithinOutcomeDays'
  | 'hoursToOutcome'
  | 'acknowledgedInTime'
  | 'acknowledgementsDue'
  | 'ratings'
>;

/** Sums the counts of a status × category grid along one side (one scan instead of two). */
export function sumBy<R extends { n: number }>(rows: R[], key: (row: R) => string): Counts {
  const counts: Counts = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + row.n;
  return counts;
}

/**
 * The code a refused case counts under: the one triage stored, else intake's automatic
 * out-of-time refusal (eligibility reason), else `other`. Migration
 * 1766500000000-maintain-kpi-aggregates keeps the same expression in kpi_case_facts.
 */
export const REJECTION_CODE = `coalesce(rejection_code,
  CASE WHEN eligibility_reason = 'out_of_time' THEN 'out_of_time' ELSE 'other' END)`;

/**
 * "Closed within N days" follows the outcome policy in force: N calendar days after the file was
 * complete; with a policy in business days, the case's own outcome deadline (dated by the
 * business calendar, paused time included) is the measure.
 */
export const CLOSED_WITHIN = `accepted_at IS NOT NULL AND CASE
  WHEN $4 = 'calendar_days' THEN closed_at <= accepted_at + make_interval(days => $3)
  ELSE EXISTS (SELECT 1 FROM case_deadline d
                WHERE d.case_id = c.id AND d.kind = 'outcome' AND d.met_at <= d.due_at) END`;

const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));

/** The whole UTC months inside [from, to), as [first month's start, end of the last), or null. */
export function wholeMonthsWithin(from: Date, to: Date): { from: Date; to: Date } | null {
  const floorFrom = monthStart(from.getUTCFullYear(), from.getUTCMonth());
  const first =
    floorFrom.getTime() === from.getTime()
      ? floorFrom
      : monthStart(from.getUTCFullYear(), from.getUTCMonth() + 1);
  const last = monthStart(to.getUTCFullYear(), to.getUTCMonth());
  return first < last ? { from: first, to: last } : null;
}

const addCounts = (a: Readonly<Counts>, b: Readonly<Counts>): Counts => {
  const sum: Counts = { ...a };
  for (const [key, n] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + n;
  return sum;
};

const addBuckets = (a: readonly Bucket[], b: readonly Bucket[]): Bucket[] => {
  const counts = new Map<number, number>();
  for (const bucket of [...a, ...b])
    counts.set(bucket.value, (counts.get(bucket.value) ?? 0) + bucket.count);
  return [...counts].map(([value, count]) => ({ value, count }));
};

/** The figures of two disjoint spans of time, as one. */
export function mergeCaseFigures(a: CaseFigures, b: CaseFigures): CaseFigures {
  return {
    receivedByStatus: addCounts(a.receivedByStatus, b.receivedByStatus),
    receivedByCategory: addCounts(a.receivedByCategory, b.receivedByCategory),
    closedByOutcome: addCounts(a.closedByOutcome, b.closedByOutcome),
    rejectedByReason: addCounts(a.rejectedByReason, b.rejectedByReason),
    closedAfterAcceptance: a.closedAfterAcceptance + b.closedAfterAcceptance,
    closedWithinOutcomeDays: a.closedWithinOutcomeDays + b.closedWithinOutcomeDays,
    hoursToOutcome: addBuckets(a.hoursToOutcome, b.hoursToOutcome),
    acknowledgedInTime: a.acknowledgedInTime + b.acknowledgedInTime,
    acknowledgementsDue: a.acknowledgementsDue + b.acknowledgementsDue,
    ratings: addBuckets(a.ratings, b.ratings),
  };
}

export interface FactRow {
  readonly measure: string;
  readonly key1: string;
  readonly key2: string;
  readonly value: number;
  readonly n: number;
}

/**
 * The year and month aggregates and the deltas not folded into them yet, in one statement (one
 * snapshot), summed per fact: exact whatever the compaction job is doing. $3–$4 are the whole
 * years inside the months $1–$2 (an empty range when there are none), read from kpi_year; the
 * months before and after them from kpi_month; the deltas of all the months, since a delta is in
 * neither until it is folded into both. The primary keys of kpi_year and kpi_month and
 * ix_kpi_delta_measure_month serve the ranges.
 */
const FACTS = `
  SELECT measure, key1, key2, value, sum(n)::text AS n
    FROM (SELECT measure, key1, key2, value, n FROM kpi_year
           WHERE measure = ANY($5::text[]) AND year >= $3::date AND year < $4::date
          UNION ALL
          SELECT measure, key1, key2, value, n FROM kpi_month
           WHERE measure = ANY($5::text[]) AND month >= $1::date AND month < $3::date
          UNION ALL
          SELECT measure, key1, key2, value, n FROM kpi_month
           WHERE measure = ANY($5::text[]) AND month >= $4::date AND month < $2::date
          UNION ALL
          SELECT measure, key1, key2, value, n FROM kpi_delta
           WHERE measure = ANY($5::text[]) AND month >= $1::date AND month < $2::date) f
   GROUP BY 1, 2, 3, 4
  HAVING sum(n) <> 0`;

/**
 * The whole UTC years inside the whole months [from, to), or, when there is none, the empty
 * range at `to` (so that every month is read from kpi_month).
 */
export function wholeYearsWithin(from: Date, to: Date): { from: Date; to: Date } {
  const first = from.getUTCMonth() === 0 ? from.getUTCFullYear() : from.getUTCFullYear() + 1;
  const last = to.getUTCFullYear();
  return first < last
    ? { from: new Date(Date.UTC(first, 0, 1)), to: new Date(Date.UTC(last, 0, 1)) }
    : { from: to, to };
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/** The maintained facts of `measures` over the whole months [from, to), summed per fact. */
export async function factsOf(
  run: RunSql,
  from: Date,
  to: Date,
  measures: readonly string[],
): Promise<FactRow[]> {
  const years = wholeYearsWithin(from, to);
  return rowsOf(
    await run(FACTS, [day(from), day(to), day(years.from), day(years.to), measures]),
    (row) => ({
      measure: text(row, 'measure'),
      key1: text(row, 'key1'),
      key2: text(row, 'key2'),
      value: integer(row, 'value'),
      n: bigintNumber(row, 'n'),
    }),
  );
}

const MEASURES = ['received', 'closed', 'closed_days', 'hours', 'rating', 'acknowledge'];

/**
 * Unmet acknowledgement deadlines are due or not depending on the time of the report, so they are
 * counted now, from ix_case_deadline_acknowledge_unmet (a few per office: most are met).
 */
const UNMET_ACKNOWLEDGEMENTS_DUE = `
  SELECT count(*)::int AS n FROM case_deadline
   WHERE kind = 'acknowledge' AND met_at IS NULL AND started_at >= $1 AND started_at < $2
     AND due_at < now() AND (cancelled_at IS NULL OR cancelled_at > due_at)`;

/** With a policy in business days, "within" depends on each case's deadline: counted live. */
const CLOSED_WITHIN_LIVE = `
  SELECT count(*) FILTER (WHERE ${CLOSED_WITHIN})::int AS n
    FROM ombudsman_case c WHERE closed_at >= $1 AND closed_at < $2`;

/** The figures of whole months [from, to) from the maintained aggregates. */
export async function maintainedFigures(
  run: RunSql,
  from: Date,
  to: Date,
  outcome: PolicyTerm,
): Promise<CaseFigures> {
  const [facts, unmet, within] = (await Promise.all([
    factsOf(run, from, to, MEASURES),
    run(UNMET_ACKNOWLEDGEMENTS_DUE, [from, to]),
    outcome.unit === 'calendar_days'
      ? Promise.resolve(null)
      : run(CLOSED_WITHIN_LIVE, [from, to, outcome.amount, outcome.unit]),
  ])) as [FactRow[], { n: number }[], { n: number }[] | null];
  const of = (measure: string) => facts.filter((f) => f.measure === measure);
  const count = (rows: readonly FactRow[]) => rows.reduce((s, r) => s + r.n, 0);
  const buckets = (measure: string): Bucket[] =>
    of(measure).map((f) => ({ value: f.value, count: f.n }));
  const closed = of('closed');
  const acknowledged = of('acknowledge');
  const inTime = count(acknowledged.filter((f) => f.key1 === 'in_time'));
  return {
    receivedByStatus: sumBy(of('received'), (f) => f.key1),
    receivedByCategory: sumBy(of('received'), (f) => f.key2),
    // A closed case without an outcome (none exist) would count under "null", as in the live SQL.
    closedByOutcome: sumBy(closed, (f) => f.key1 || String(null)),
    rejectedByReason: sumBy(
      closed.filter((f) => f.key1 === 'rejected'),
      (f) => f.key2,
    ),
    closedAfterAcceptance: count(closed.filter((f) => f.value === 1)),
    closedWithinOutcomeDays:
      within === null
        ? count(of('closed_days').filter((f) => f.value <= outcome.amount))
        : within[0].n,
    hoursToOutcome: buckets('hours'),
    acknowledgedInTime: inTime,
    acknowledgementsDue: inTime + count(acknowledged.filter((f) => f.key1 === 'late')) + unmet[0].n,
    ratings: buckets('rating'),
  };
}
