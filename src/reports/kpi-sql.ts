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
import { KpiAggregates, MoneyLine, PolicyTerm, RemedyAggregates } from './kpi-report';

export type { RunSql } from './kpi-maintained-sql';

/**
 * The aggregates of a period, half-open [from, to). The whole UTC months inside it are read from
 * the maintained month aggregates (kpi-maintained-sql.ts); the days before the first and after
 * the last whole month, and the registers (suggestions, remedies), from the tables. The figures
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
    remedies(run, from, to),
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
    remedies(run, from, to),
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
