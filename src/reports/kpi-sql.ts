import { Bucket } from './kpi-formulas';
import { KpiAggregates, MoneyLine, RemedyAggregates } from './kpi-report';

/** Runs one parameterised query: TypeORM's DataSource.query in the service, a pg pool elsewhere. */
export type RunSql = (sql: string, params: unknown[]) => Promise<unknown>;

type Counts = Record<string, number>;

/** Sums the counts of a status × category grid along one side (one scan instead of two). */
function sumBy<R extends { n: number }>(rows: R[], key: (row: R) => string): Counts {
  const counts: Counts = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + row.n;
  return counts;
}

const toCounts = (rows: { key: string | null; n: number }[]): Counts =>
  Object.fromEntries(rows.filter((r) => r.key !== null).map((r) => [r.key, r.n]));

/**
 * The aggregates of a period, each from one index range scan (migrations add-report-indexes):
 * received cases by created_at, closed cases by closed_at, acknowledgements by start, remedies by
 * binding and fulfilment. Half-open periods [from, to). Only counts, sums and histograms leave
 * the database.
 */
export async function collectKpiAggregates(
  run: RunSql,
  from: Date,
  to: Date,
  outcomeDays: number,
): Promise<KpiAggregates> {
  const [received, closed, hours, acknowledgement, ratings, suggestionCounts, remedyAggregates] =
    await Promise.all([
      receivedCases(run, from, to),
      closedCases(run, from, to, outcomeDays),
      hoursToOutcome(run, from, to),
      acknowledgements(run, from, to),
      feedbackRatings(run, from, to),
      suggestions(run, from, to),
      remedies(run, from, to),
    ]);
  return {
    from,
    to,
    ...received,
    ...closed,
    hoursToOutcome: hours,
    ...acknowledgement,
    ratings,
    ...suggestionCounts,
    remedies: remedyAggregates,
  };
}

async function receivedCases(run: RunSql, from: Date, to: Date) {
  const rows = (await run(
    `SELECT status, category, count(*)::int AS n
       FROM ombudsman_case WHERE created_at >= $1 AND created_at < $2
      GROUP BY status, category`,
    [from, to],
  )) as { status: string; category: string; n: number }[];
  return {
    receivedByStatus: sumBy(rows, (r) => r.status),
    receivedByCategory: sumBy(rows, (r) => r.category),
  };
}

async function closedCases(run: RunSql, from: Date, to: Date, outcomeDays: number) {
  const rows = (await run(
    `SELECT outcome AS key, count(*)::int AS n,
            count(*) FILTER (WHERE outcome = 'rejected'
                               AND eligibility_reason = 'out_of_time')::int AS out_of_time,
            count(*) FILTER (WHERE accepted_at IS NOT NULL)::int AS accepted,
            count(*) FILTER (WHERE accepted_at IS NOT NULL
                               AND closed_at <= accepted_at + make_interval(days => $3))::int AS within
       FROM ombudsman_case WHERE closed_at >= $1 AND closed_at < $2
      GROUP BY outcome`,
    [from, to, outcomeDays],
  )) as { key: string; n: number; accepted: number; within: number; out_of_time: number }[];
  return {
    closedByOutcome: toCounts(rows),
    rejectedOutOfTime: rows.reduce((s, r) => s + r.out_of_time, 0),
    closedAfterAcceptance: rows.reduce((s, r) => s + r.accepted, 0),
    closedWithinOutcomeDays: rows.reduce((s, r) => s + r.within, 0),
  };
}

/** A histogram in whole hours: medians come from a few hundred buckets, not from every case. */
async function hoursToOutcome(run: RunSql, from: Date, to: Date): Promise<Bucket[]> {
  const rows = (await run(
    `SELECT round(extract(epoch FROM closed_at - created_at) / 3600)::int AS value, count(*)::int AS count
       FROM ombudsman_case WHERE closed_at >= $1 AND closed_at < $2
      GROUP BY 1`,
    [from, to],
  )) as Bucket[];
  return rows;
}

/** Met, or missed; a deadline cancelled (case closed) before it fell due was never missed. */
async function acknowledgements(run: RunSql, from: Date, to: Date) {
  const [row] = (await run(
    `SELECT count(*) FILTER (WHERE met_at IS NOT NULL AND met_at <= due_at)::int AS in_time,
            count(*) FILTER (WHERE met_at IS NOT NULL
                               OR (due_at < now() AND (cancelled_at IS NULL OR cancelled_at > due_at)))::int AS due
       FROM case_deadline
      WHERE kind = 'acknowledge' AND started_at >= $1 AND started_at < $2`,
    [from, to],
  )) as { in_time: number; due: number }[];
  return { acknowledgedInTime: row.in_time, acknowledgementsDue: row.due };
}

async function feedbackRatings(run: RunSql, from: Date, to: Date): Promise<Bucket[]> {
  return (await run(
    `SELECT rating::int AS value, count(*)::int AS count
       FROM case_feedback WHERE created_at >= $1 AND created_at < $2 GROUP BY rating`,
    [from, to],
  )) as Bucket[];
}

/** Accepted suggestions are open register items now; implemented ones count in their period. */
async function suggestions(run: RunSql, from: Date, to: Date) {
  const [row] = (await run(
    `SELECT (SELECT count(*) FROM suggestion WHERE status = 'accepted')::int AS open,
            (SELECT count(*) FROM suggestion
              WHERE implemented_at >= $1 AND implemented_at < $2)::int AS implemented`,
    [from, to],
  )) as { open: number; implemented: number }[];
  return { suggestionsOpen: row.open, suggestionsImplemented: row.implemented };
}

/** Awarded: became binding (bound_at) in the period; paid: fulfilled in the period. */
async function remedies(run: RunSql, from: Date, to: Date): Promise<RemedyAggregates> {
  const money = (await run(
    `SELECT type, currency,
            count(*) FILTER (WHERE bound_at >= $1 AND bound_at < $2
                               AND status IN ('due', 'fulfilled'))::int AS awarded_count,
            coalesce(sum(amount_minor) FILTER (WHERE bound_at >= $1 AND bound_at < $2
                               AND status IN ('due', 'fulfilled')), 0)::text AS awarded_minor,
            count(*) FILTER (WHERE fulfilled_at >= $1 AND fulfilled_at < $2
                               AND status = 'fulfilled')::int AS paid_count,
            coalesce(sum(amount_minor) FILTER (WHERE fulfilled_at >= $1 AND fulfilled_at < $2
                               AND status = 'fulfilled'), 0)::text AS paid_minor
       FROM remedy
      WHERE amount_minor IS NOT NULL
        AND ((bound_at >= $1 AND bound_at < $2) OR (fulfilled_at >= $1 AND fulfilled_at < $2))
      GROUP BY type, currency ORDER BY type, currency`,
    [from, to],
  )) as {
    type: string;
    currency: string;
    awarded_count: number;
    awarded_minor: string;
    paid_count: number;
    paid_minor: string;
  }[];
  const [other] = (await run(
    `SELECT count(*) FILTER (WHERE status = 'due' AND due_at >= $1 AND due_at < least($2, now()))::int AS overdue,
            count(*) FILTER (WHERE type = 'corrective_action' AND status = 'due')::int AS corrective_open,
            count(*) FILTER (WHERE type = 'corrective_action' AND status = 'fulfilled'
                               AND fulfilled_at >= $1 AND fulfilled_at < $2)::int AS corrective_implemented
       FROM remedy
      WHERE status IN ('due', 'fulfilled')`,
    [from, to],
  )) as { overdue: number; corrective_open: number; corrective_implemented: number }[];
  const [compliance] = (await run(
    `SELECT count(*)::int AS cases, count(*) FILTER (WHERE done)::int AS complied
       FROM (SELECT case_id, bool_and(status = 'fulfilled') AS done
               FROM remedy
              WHERE bound_at >= $1 AND bound_at < $2 AND status IN ('due', 'fulfilled')
              GROUP BY case_id) owed`,
    [from, to],
  )) as { cases: number; complied: number }[];
  const paidByCurrency = (await run(
    `SELECT currency, count(DISTINCT case_id)::int AS cases, sum(amount_minor)::text AS amount_minor
       FROM remedy
      WHERE status = 'fulfilled' AND fulfilled_at >= $1 AND fulfilled_at < $2
        AND amount_minor IS NOT NULL
      GROUP BY currency ORDER BY currency`,
    [from, to],
  )) as { currency: string; cases: number; amount_minor: string }[];
  const line = (row: (typeof money)[number], count: number, minor: string): MoneyLine | null =>
    count > 0
      ? { type: row.type, currency: row.currency, count, amountMinor: Number(minor) }
      : null;
  return {
    awarded: money
      .map((r) => line(r, r.awarded_count, r.awarded_minor))
      .filter((l): l is MoneyLine => l !== null),
    paid: money
      .map((r) => line(r, r.paid_count, r.paid_minor))
      .filter((l): l is MoneyLine => l !== null),
    paidByCurrency: paidByCurrency.map((r) => ({
      currency: r.currency,
      cases: r.cases,
      amountMinor: Number(r.amount_minor),
    })),
    overdue: other.overdue,
    correctiveOpen: other.corrective_open,
    correctiveImplemented: other.corrective_implemented,
    casesWithRemedies: compliance.cases,
    casesComplied: compliance.complied,
  };
}
