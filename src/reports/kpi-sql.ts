import { Bucket } from './kpi-formulas';
import { KpiAggregates, MoneyLine, PolicyTerm, RemedyAggregates } from './kpi-report';

/** Runs one parameterised query: TypeORM's DataSource.query in the service, a pg pool elsewhere. */
export type RunSql = (sql: string, params: unknown[]) => Promise<unknown>;

type Counts = Record<string, number>;

/** Sums the counts of a status × category grid along one side (one scan instead of two). */
function sumBy<R extends { n: number }>(rows: R[], key: (row: R) => string): Counts {
  const counts: Counts = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + row.n;
  return counts;
}

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
  outcome: PolicyTerm,
): Promise<KpiAggregates> {
  const [received, closed, hours, acknowledgement, ratings, suggestionCounts, remedyAggregates] =
    await Promise.all([
      receivedCases(run, from, to),
      closedCases(run, from, to, outcome),
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

/**
 * The code a refused case counts under: the one triage stored, else intake's automatic
 * out-of-time refusal (eligibility reason), else `other`.
 */
const REJECTION_CODE = `coalesce(rejection_code,
  CASE WHEN eligibility_reason = 'out_of_time' THEN 'out_of_time' ELSE 'other' END)`;

/**
 * "Closed within N days" follows the outcome policy in force: N calendar days after the file was
 * complete; with a policy in business days, the case's own outcome deadline (dated by the
 * business calendar, paused time included) is the measure.
 */
const CLOSED_WITHIN = `accepted_at IS NOT NULL AND CASE
  WHEN $4 = 'calendar_days' THEN closed_at <= accepted_at + make_interval(days => $3)
  ELSE EXISTS (SELECT 1 FROM case_deadline d
                WHERE d.case_id = c.id AND d.kind = 'outcome' AND d.met_at <= d.due_at) END`;

async function closedCases(run: RunSql, from: Date, to: Date, outcome: PolicyTerm) {
  const rows = (await run(
    `SELECT outcome AS key, CASE WHEN outcome = 'rejected' THEN ${REJECTION_CODE} END AS reason,
            count(*)::int AS n,
            count(*) FILTER (WHERE accepted_at IS NOT NULL)::int AS accepted,
            count(*) FILTER (WHERE ${CLOSED_WITHIN})::int AS within
       FROM ombudsman_case c WHERE closed_at >= $1 AND closed_at < $2
      GROUP BY outcome, 2`,
    [from, to, outcome.amount, outcome.unit],
  )) as { key: string; reason: string | null; n: number; accepted: number; within: number }[];
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

/**
 * Open register items: suggestions accepted before the period ended and not yet implemented
 * (ix_suggestion_accepted_open); implemented ones count in their period.
 */
async function suggestions(run: RunSql, from: Date, to: Date) {
  const [row] = (await run(
    `SELECT (SELECT count(*) FROM suggestion
              WHERE status = 'accepted' AND accepted_at < $2)::int AS open,
            (SELECT count(*) FROM suggestion
              WHERE implemented_at >= $1 AND implemented_at < $2)::int AS implemented`,
    [from, to],
  )) as { open: number; implemented: number }[];
  return { suggestionsOpen: row.open, suggestionsImplemented: row.implemented };
}

/**
 * Awarded: became binding (bound_at) in the period; paid: fulfilled in the period; overdue: fell
 * due in the period and still unpaid; corrective actions open: bound before the period ended and
 * not yet done.
 */
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
  // Three index range scans: overdue on ix_remedy_due, open corrective actions on
  // ix_remedy_corrective_open, implemented ones on ix_remedy_fulfilled.
  const [other] = (await run(
    `SELECT (SELECT count(*) FROM remedy
              WHERE status = 'due' AND due_at >= $1 AND due_at < least($2, now()))::int AS overdue,
            (SELECT count(*) FROM remedy
              WHERE type = 'corrective_action' AND status = 'due' AND bound_at < $2)::int AS corrective_open,
            (SELECT count(*) FROM remedy
              WHERE status = 'fulfilled' AND type = 'corrective_action'
                AND fulfilled_at >= $1 AND fulfilled_at < $2)::int AS corrective_implemented`,
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
