import {
  bigintNumber,
  boolean,
  insertedRowOf,
  integer,
  RawRow,
  rowsOf,
  text,
} from '../common/sql-rows';
import { factsOf, FactRow, RunSql } from './kpi-maintained-sql';
import type { MoneyLine, RemedyAggregates } from './kpi-report';

/** The remedy measures of migration 1767500001000-maintain-kpi-remedy-figures. */
const REMEDY_MEASURES = [
  'awarded',
  'awarded_minor',
  'paid',
  'paid_minor',
  'corrective_done',
  'owed_case',
  'owed_case_multi',
  'paid_case',
  'paid_case_multi',
];

interface Money {
  awardedCount: number;
  awardedMinor: number;
  paidCount: number;
  paidMinor: number;
}

/** What the days outside the whole months add: money by line, and each case they touch. */
interface TableFigures {
  readonly money: readonly (Money & { type: string; currency: string })[];
  readonly correctiveDone: number;
  /** Cases with remedies bound in the days, and whether all of those are fulfilled. */
  readonly owed: readonly { caseId: string; done: boolean }[];
  /** Per currency and case, what was paid in the days. */
  readonly paid: readonly { currency: string; caseId: string; amountMinor: number }[];
}

/**
 * The remedy figures of [from, to): the whole months from the maintained facts, the days around
 * them from the table, and the two time-dependent counts (overdue now, corrective actions still
 * open) from their partial indexes. A case counts once: the cases whose remedies span months are
 * named in the facts, and those of the days are named by the edge queries, so they are merged by
 * id (a case whose remedies share one month is in the facts or in the days, never in both).
 * With no months, every figure comes from the table: the full recomputation of
 * `collectLiveKpiAggregates`, whose one edge is the whole period.
 */
export async function remedyFigures(
  run: RunSql,
  from: Date,
  to: Date,
  months: { from: Date; to: Date } | null,
  edges: readonly { from: Date; to: Date }[],
): Promise<RemedyAggregates> {
  const [facts, open, ...days] = await Promise.all([
    months ? factsOf(run, months.from, months.to, REMEDY_MEASURES) : Promise.resolve([]),
    openCounts(run, from, to),
    ...edges.map((edge) => tableFigures(run, edge.from, edge.to)),
  ]);
  const money = new Map<string, Money & { type: string; currency: string }>();
  const line = (type: string, currency: string) => {
    const key = `${type}\u0000${currency}`;
    let found = money.get(key);
    if (!found) {
      found = { type, currency, awardedCount: 0, awardedMinor: 0, paidCount: 0, paidMinor: 0 };
      money.set(key, found);
    }
    return found;
  };
  const owedSingle = { cases: 0, complied: 0 };
  const owedNamed = new Map<string, boolean>();
  const paidSingle = new Map<string, number>();
  const paidNamed = new Map<string, Set<string>>();
  const paidAmount = new Map<string, number>();
  let correctiveDone = 0;
  const name = (currency: string, caseId: string) => {
    const named = paidNamed.get(currency) ?? new Set<string>();
    paidNamed.set(currency, named.add(caseId));
  };
  for (const fact of facts) applyFact(fact);
  for (const edge of days) {
    for (const m of edge.money) {
      const l = line(m.type, m.currency);
      l.awardedCount += m.awardedCount;
      l.awardedMinor += m.awardedMinor;
      l.paidCount += m.paidCount;
      l.paidMinor += m.paidMinor;
    }
    correctiveDone += edge.correctiveDone;
    for (const o of edge.owed) owedNamed.set(o.caseId, (owedNamed.get(o.caseId) ?? true) && o.done);
    for (const p of edge.paid) {
      name(p.currency, p.caseId);
      paidAmount.set(p.currency, (paidAmount.get(p.currency) ?? 0) + p.amountMinor);
    }
  }

  function applyFact(f: FactRow): void {
    switch (f.measure) {
      case 'awarded':
        line(f.key1, f.key2).awardedCount += f.n;
        return;
      case 'awarded_minor':
        line(f.key1, f.key2).awardedMinor += f.n;
        return;
      case 'paid':
        line(f.key1, f.key2).paidCount += f.n;
        return;
      case 'paid_minor':
        line(f.key1, f.key2).paidMinor += f.n;
        paidAmount.set(f.key2, (paidAmount.get(f.key2) ?? 0) + f.n);
        return;
      case 'corrective_done':
        correctiveDone += f.n;
        return;
      case 'owed_case':
        owedSingle.cases += f.n;
        if (f.key1 === 'complied') owedSingle.complied += f.n;
        return;
      case 'owed_case_multi':
        owedNamed.set(f.key2, (owedNamed.get(f.key2) ?? true) && f.key1 === 'complied');
        return;
      case 'paid_case':
        paidSingle.set(f.key1, (paidSingle.get(f.key1) ?? 0) + f.n);
        return;
      case 'paid_case_multi':
        name(f.key1, f.key2);
        return;
    }
  }

  const lines = [...money.values()].sort(
    (a, b) => compare(a.type, b.type) || compare(a.currency, b.currency),
  );
  const moneyLines = (count: (m: Money) => number, minor: (m: Money) => number): MoneyLine[] =>
    lines
      .filter((l) => count(l) > 0)
      .map((l) => ({ type: l.type, currency: l.currency, count: count(l), amountMinor: minor(l) }));
  const currencies = [...new Set([...paidSingle.keys(), ...paidNamed.keys()])].sort(compare);
  return {
    awarded: moneyLines(
      (m) => m.awardedCount,
      (m) => m.awardedMinor,
    ),
    paid: moneyLines(
      (m) => m.paidCount,
      (m) => m.paidMinor,
    ),
    paidByCurrency: currencies.map((currency) => ({
      currency,
      cases: (paidSingle.get(currency) ?? 0) + (paidNamed.get(currency)?.size ?? 0),
      amountMinor: paidAmount.get(currency) ?? 0,
    })),
    ...open,
    correctiveImplemented: correctiveDone,
    casesWithRemedies: owedSingle.cases + owedNamed.size,
    casesComplied: owedSingle.complied + [...owedNamed.values()].filter(Boolean).length,
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Overdue now (ix_remedy_due) and corrective actions still open (ix_remedy_corrective_open). */
async function openCounts(run: RunSql, from: Date, to: Date) {
  return insertedRowOf(
    await run(
      `SELECT (SELECT count(*) FROM remedy
              WHERE status = 'due' AND due_at >= $1 AND due_at < least($2, now()))::int AS overdue,
            (SELECT count(*) FROM remedy
              WHERE type = 'corrective_action' AND status = 'due' AND bound_at < $2)::int AS corrective_open`,
      [from, to],
    ),
    (row) => ({
      overdue: integer(row, 'overdue'),
      correctiveOpen: integer(row, 'corrective_open'),
    }),
  );
}

const NO_MONEY: Money = { awardedCount: 0, awardedMinor: 0, paidCount: 0, paidMinor: 0 };
const lineOf = (row: RawRow) => ({
  ...NO_MONEY,
  type: text(row, 'type'),
  currency: text(row, 'currency'),
});

/**
 * The remedies of [from, to) from the table: a few days before the first whole month or after the
 * last, or a whole period recomputed.
 */
async function tableFigures(run: RunSql, from: Date, to: Date): Promise<TableFigures> {
  // Awarded and paid apart, each a range of its own index (ix_remedy_bound, ix_remedy_fulfilled):
  // one statement with an OR of the two ranges read every remedy.
  const [awarded, paidLines, corrective, owed, paid] = await Promise.all([
    run(
      `SELECT type, currency, count(*)::int AS n, sum(amount_minor)::text AS minor FROM remedy
        WHERE bound_at >= $1 AND bound_at < $2 AND status IN ('due', 'fulfilled')
          AND amount_minor IS NOT NULL
        GROUP BY type, currency`,
      [from, to],
    ),
    run(
      `SELECT type, currency, count(*)::int AS n, sum(amount_minor)::text AS minor FROM remedy
        WHERE fulfilled_at >= $1 AND fulfilled_at < $2 AND status = 'fulfilled'
          AND amount_minor IS NOT NULL
        GROUP BY type, currency`,
      [from, to],
    ),
    run(
      `SELECT count(*)::int AS n FROM remedy
        WHERE status = 'fulfilled' AND type = 'corrective_action'
          AND fulfilled_at >= $1 AND fulfilled_at < $2`,
      [from, to],
    ),
    run(
      `SELECT case_id, bool_and(status = 'fulfilled') AS done FROM remedy
        WHERE bound_at >= $1 AND bound_at < $2 AND status IN ('due', 'fulfilled')
        GROUP BY case_id`,
      [from, to],
    ),
    run(
      `SELECT currency, case_id, sum(amount_minor)::text AS amount_minor FROM remedy
        WHERE status = 'fulfilled' AND fulfilled_at >= $1 AND fulfilled_at < $2
          AND amount_minor IS NOT NULL
        GROUP BY currency, case_id`,
      [from, to],
    ),
  ]);
  return {
    money: [
      ...rowsOf(awarded, (row) => ({
        ...lineOf(row),
        awardedCount: integer(row, 'n'),
        awardedMinor: bigintNumber(row, 'minor'),
      })),
      ...rowsOf(paidLines, (row) => ({
        ...lineOf(row),
        paidCount: integer(row, 'n'),
        paidMinor: bigintNumber(row, 'minor'),
      })),
    ],
    correctiveDone: insertedRowOf(corrective, (row) => integer(row, 'n')),
    owed: rowsOf(owed, (row) => ({ caseId: text(row, 'case_id'), done: boolean(row, 'done') })),
    paid: rowsOf(paid, (row) => ({
      currency: text(row, 'currency'),
      caseId: text(row, 'case_id'),
      amountMinor: bigintNumber(row, 'amount_minor'),
    })),
  };
}
