import fc from 'fast-check';
import { CASE_OUTCOMES, CASE_STATUSES } from '../src/cases/case-lifecycle';
import { CATEGORIES } from '../src/cases/case-category';
import { REJECTION_CODES } from '../src/cases/triage/rejection-code';
import { KpiCompactionRepository } from '../src/reports/kpi-compaction.repository';
import { Bucket } from '../src/reports/kpi-formulas';
import { KpiAggregates, PolicyTerm } from '../src/reports/kpi-report';
import {
  collectKpiAggregates,
  collectLiveKpiAggregates,
} from '../src/reports/kpi-aggregates.repository';
import { startTestApp, TestApp } from './support/test-app';

const HOUR = 3_600_000;
/** Three years and a bit, so that periods cross years, months and the edges of the data. */
const START = Date.UTC(2024, 0, 1);
const SPAN = 3 * 365 * 24 * HOUR;
const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'closed');

type Command =
  | { kind: 'file'; at: number; category: number }
  | { kind: 'move'; target: number; status: number; category: number }
  | {
      kind: 'close';
      target: number;
      outcome: number;
      afterHours: number;
      acceptedHours: number | null;
      code: number | null;
      outOfTime: boolean;
    }
  | { kind: 'reopen'; target: number }
  | { kind: 'rate'; target: number; rating: number; afterHours: number }
  | { kind: 'acknowledgement'; target: number; dueHours: number; metHours: number | null }
  | { kind: 'meet'; target: number; metHours: number }
  | { kind: 'cancel'; target: number; afterHours: number }
  | { kind: 'remove'; target: number }
  | {
      kind: 'remedy';
      target: number;
      type: number;
      amount: number | null;
      currency: number;
      status: number;
      boundHours: number;
      paidHours: number;
    }
  | { kind: 'pay'; target: number; paidHours: number; all: boolean }
  | { kind: 'rebind'; target: number; boundHours: number }
  | { kind: 'compact' };

const pick = fc.nat({ max: 1_000 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('file' as const),
      at: fc.nat({ max: SPAN }),
      category: pick,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      target: pick,
      status: pick,
      category: pick,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('close' as const),
      target: pick,
      outcome: pick,
      afterHours: fc.integer({ min: 0, max: 24 * 200 }),
      acceptedHours: fc.option(fc.integer({ min: 0, max: 24 * 10 })),
      code: fc.option(pick),
      outOfTime: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), target: pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rate' as const),
      target: pick,
      rating: fc.integer({ min: 1, max: 5 }),
      afterHours: fc.integer({ min: 0, max: 24 * 60 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('acknowledgement' as const),
      target: pick,
      dueHours: fc.integer({ min: 0, max: 96 }),
      metHours: fc.option(fc.integer({ min: 0, max: 120 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('meet' as const),
      target: pick,
      metHours: fc.integer({ min: 0, max: 120 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      target: pick,
      afterHours: fc.integer({ min: 0, max: 120 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), target: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('remedy' as const),
      target: pick,
      type: pick,
      amount: fc.option(fc.integer({ min: 1, max: 5_000_000_000 }), { freq: 4 }),
      currency: pick,
      status: pick,
      boundHours: fc.integer({ min: 0, max: 24 * 120 }),
      paidHours: fc.integer({ min: 0, max: 24 * 120 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      target: pick,
      paidHours: fc.integer({ min: 0, max: 24 * 120 }),
      all: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rebind' as const),
      target: pick,
      boundHours: fc.integer({ min: 0, max: 24 * 400 }),
    }),
  },
);

const REMEDY_TYPES = ['refund', 'goodwill_payment', 'corrective_action', 'apology'] as const;
const CURRENCIES = ['EUR', 'GBP', 'USD'] as const;
const REMEDY_STATUSES = ['proposed', 'due', 'fulfilled', 'superseded'] as const;

/** A period: anywhere from an hour to the whole span, at any instant, or on month boundaries. */
const period = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: -30 * 24, max: SPAN / HOUR }),
      fc.integer({ min: 1, max: SPAN / HOUR }),
    )
    .map(([start, hours]) => ({
      from: new Date(START + start * HOUR + 1234),
      to: new Date(START + (start + hours) * HOUR + 5678),
    })),
  fc
    .tuple(fc.integer({ min: -1, max: 36 }), fc.integer({ min: 1, max: 38 }))
    .map(([month, months]) => ({
      from: new Date(Date.UTC(2024, month, 1)),
      to: new Date(Date.UTC(2024, month + months, 1)),
    })),
);

const policy: fc.Arbitrary<PolicyTerm> = fc.record({
  amount: fc.integer({ min: 1, max: 120 }),
  unit: fc.constantFrom('calendar_days' as const, 'business_days' as const),
});

/** Buckets in value order, so that two histograms of the same observations compare equal. */
const sorted = (buckets: readonly Bucket[]) => [...buckets].sort((a, b) => a.value - b.value);
const normal = (a: KpiAggregates) => ({
  ...a,
  hoursToOutcome: sorted(a.hoursToOutcome),
  ratings: sorted(a.ratings),
});

describe('the maintained KPI aggregates', () => {
  let t: TestApp;
  let compaction: KpiCompactionRepository;
  let filed = 0;

  beforeAll(async () => {
    t = await startTestApp();
    compaction = t.app.get(KpiCompactionRepository);
  });
  afterAll(() => t.close());

  const sql = <T>(text: string, params: unknown[] = []) =>
    t.dataSource.query(text, params) as Promise<T[]>;
  const run = (text: string, params: unknown[]) => t.dataSource.query(text, params);

  /** The `target`-th case still there (modulo their number), or null when there is none. */
  const caseAt = async (target: number) => {
    const rows = await sql<{ id: string; created_at: Date }>(
      `SELECT id, created_at FROM ombudsman_case ORDER BY reference OFFSET $1 LIMIT 1`,
      [
        target %
          Math.max(
            1,
            (await sql<{ n: number }>('SELECT count(*)::int AS n FROM ombudsman_case'))[0].n,
          ),
      ],
    );
    return rows[0] ?? null;
  };
  const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR);

  async function apply(c: Command): Promise<void> {
    if (c.kind === 'compact') {
      await compaction.compact();
      return;
    }
    if (c.kind === 'file') {
      filed += 1;
      await sql(
        `INSERT INTO ombudsman_case (reference, status, customer_name, customer_email, subject,
           description, category, language, access_token_hash, created_at, updated_at)
         VALUES ($1, 'submitted', 'Kim', 'kim@example.org', 'Late parcel', 'It came late.', $2,
                 'en', '\\x00'::bytea, $3, $3)`,
        [
          `OMB-2001-${String(filed).padStart(6, '0')}`,
          CATEGORIES[c.category % CATEGORIES.length],
          new Date(START + c.at),
        ],
      );
      return;
    }
    const target = await caseAt(c.target);
    if (!target) return;
    switch (c.kind) {
      case 'move':
        await sql(
          `UPDATE ombudsman_case SET status = $2, category = $3, outcome = NULL, closed_at = NULL
            WHERE id = $1`,
          [
            target.id,
            OPEN_STATUSES[c.status % OPEN_STATUSES.length],
            CATEGORIES[c.category % CATEGORIES.length],
          ],
        );
        return;
      case 'close': {
        const outcome = CASE_OUTCOMES[c.outcome % CASE_OUTCOMES.length];
        await sql(
          `UPDATE ombudsman_case SET status = 'closed', outcome = $2, closed_at = $3, accepted_at = $4,
                  rejection_code = $5, eligibility_reason = $6
            WHERE id = $1`,
          [
            target.id,
            outcome,
            hoursAfter(target.created_at, c.afterHours),
            c.acceptedHours === null ? null : hoursAfter(target.created_at, c.acceptedHours),
            c.code === null ? null : REJECTION_CODES[c.code % REJECTION_CODES.length],
            c.outOfTime ? 'out_of_time' : null,
          ],
        );
        return;
      }
      case 'reopen':
        await sql(
          `UPDATE ombudsman_case SET status = 'investigation', outcome = NULL, closed_at = NULL,
                  accepted_at = created_at + interval '1 day' WHERE id = $1`,
          [target.id],
        );
        return;
      case 'rate':
        await sql(
          `INSERT INTO case_feedback (case_id, rating, created_at) VALUES ($1, $2, $3)
           ON CONFLICT (case_id) DO UPDATE SET rating = EXCLUDED.rating, created_at = EXCLUDED.created_at`,
          [target.id, c.rating, hoursAfter(target.created_at, c.afterHours)],
        );
        return;
      case 'acknowledgement':
        await sql(
          `INSERT INTO case_deadline (case_id, kind, party, started_at, due_at, met_at)
           VALUES ($1, 'acknowledge', 'office', $2, $3, $4)`,
          [
            target.id,
            target.created_at,
            hoursAfter(target.created_at, c.dueHours),
            c.metHours === null ? null : hoursAfter(target.created_at, c.metHours),
          ],
        );
        return;
      case 'meet':
        await sql(
          `UPDATE case_deadline SET met_at = started_at + make_interval(hours => $2)
            WHERE case_id = $1`,
          [target.id, c.metHours],
        );
        return;
      case 'cancel':
        await sql(
          `UPDATE case_deadline SET cancelled_at = started_at + make_interval(hours => $2)
            WHERE case_id = $1`,
          [target.id, c.afterHours],
        );
        return;
      case 'remedy': {
        const status = REMEDY_STATUSES[c.status % REMEDY_STATUSES.length];
        const bound = status === 'due' || status === 'fulfilled';
        await sql(
          `INSERT INTO remedy (case_id, source, source_id, type, amount_minor, currency, description,
             status, proposed_by, bound_at, due_at, fulfilled_at)
           VALUES ($1, 'proposal', gen_random_uuid(), $2, $3, $4, 'A remedy', $5, 'olga', $6, $7, $8)`,
          [
            target.id,
            REMEDY_TYPES[c.type % REMEDY_TYPES.length],
            c.amount,
            c.amount === null ? null : CURRENCIES[c.currency % CURRENCIES.length],
            status,
            bound ? hoursAfter(target.created_at, c.boundHours) : null,
            bound ? hoursAfter(target.created_at, c.boundHours + 24 * 30) : null,
            status === 'fulfilled' ? hoursAfter(target.created_at, c.paidHours) : null,
          ],
        );
        return;
      }
      case 'pay':
        // One statement over several remedies of a case: the figures are per case, not per row.
        await sql(
          `UPDATE remedy SET status = 'fulfilled', fulfilled_at = bound_at + make_interval(hours => $2)
            WHERE status = 'due' AND id IN (
              SELECT id FROM remedy WHERE case_id = $1 AND status = 'due'
               ORDER BY created_at LIMIT CASE WHEN $3 THEN NULL ELSE 1 END)`,
          [target.id, c.paidHours, c.all],
        );
        return;
      case 'rebind':
        await sql(
          `UPDATE remedy SET bound_at = $2, due_at = $2::timestamptz + interval '30 days'
            WHERE id = (SELECT id FROM remedy WHERE case_id = $1 AND bound_at IS NOT NULL LIMIT 1)`,
          [target.id, hoursAfter(target.created_at, c.boundHours)],
        );
        return;
      case 'remove':
        await sql('DELETE FROM remedy WHERE case_id = $1', [target.id]);
        await sql('DELETE FROM case_feedback WHERE case_id = $1', [target.id]);
        await sql('DELETE FROM case_deadline WHERE case_id = $1', [target.id]);
        await sql('DELETE FROM ombudsman_case WHERE id = $1', [target.id]);
        return;
    }
  }

  it('equal a full recomputation from the tables, whatever happened to the cases and whenever the deltas were folded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(period, policy), { minLength: 1, maxLength: 4 }),
        async (commands, reports) => {
          for (const c of commands) await apply(c);
          for (const [{ from, to }, outcome] of reports) {
            const maintained = await collectKpiAggregates(run, from, to, outcome);
            const recomputed = await collectLiveKpiAggregates(run, from, to, outcome);
            expect(normal(maintained)).toEqual(normal(recomputed));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keep each year equal to the sum of its months once folded, with no rows left at zero', async () => {
    await compaction.compact();
    const years = `SELECT measure, year, key1, key2, value, n FROM kpi_year`;
    const summed = `SELECT measure, date_trunc('year', month)::date, key1, key2, value, sum(n)
                      FROM kpi_month GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0`;
    const apart = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM ((${years} EXCEPT ALL ${summed})
                                       UNION ALL (${summed} EXCEPT ALL ${years})) d`,
    );
    expect(apart[0].n).toBe(0);
    const rolledUp = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT DISTINCT date_trunc('year', month) FROM kpi_month) m`,
    );
    expect(rolledUp[0].n).toBeGreaterThan(1);
    const zeros = await sql<{ n: number }>(
      `SELECT (SELECT count(*) FROM kpi_year WHERE n = 0) + (SELECT count(*) FROM kpi_month WHERE n = 0) AS n`,
    );
    expect(Number(zeros[0].n)).toBe(0);
    expect((await sql('SELECT 1 FROM kpi_delta LIMIT 1')).length).toBe(0);
  });

  it('count a case closed exactly N days after acceptance as within N days, and one an hour later as not', async () => {
    const created = new Date(Date.UTC(2030, 4, 3, 10));
    for (const [i, extraHours] of [0, 1].entries()) {
      filed += 1;
      await sql(
        `INSERT INTO ombudsman_case (reference, status, outcome, customer_name, customer_email, subject,
           description, category, language, access_token_hash, created_at, updated_at, accepted_at,
           closed_at)
         VALUES ($1, 'closed', 'upheld', 'Kim', 'kim@example.org', 'Late parcel', 'It came late.',
                 'billing', 'en', '\\x00'::bytea, $2, $2, $2, $2::timestamptz + make_interval(days => 30, hours => $3))`,
        [`OMB-2002-${String(i).padStart(6, '0')}`, created, extraHours],
      );
    }
    const from = new Date(Date.UTC(2030, 0, 1));
    const to = new Date(Date.UTC(2031, 0, 1));
    const outcome: PolicyTerm = { amount: 30, unit: 'calendar_days' };
    const maintained = await collectKpiAggregates(run, from, to, outcome);
    expect(maintained.closedAfterAcceptance).toBe(2);
    expect(maintained.closedWithinOutcomeDays).toBe(1);
    expect(normal(maintained)).toEqual(
      normal(await collectLiveKpiAggregates(run, from, to, outcome)),
    );
  });

  it('are rebuilt from the tables to the same figures', async () => {
    const from = new Date(Date.UTC(2023, 11, 1));
    const to = new Date(Date.UTC(2027, 1, 1));
    const outcome: PolicyTerm = { amount: 30, unit: 'calendar_days' };
    const before = await collectKpiAggregates(run, from, to, outcome);
    expect(Object.values(before.receivedByStatus).reduce((s, n) => s + n, 0)).toBeGreaterThan(0);
    await sql('SELECT kpi_rebuild()');
    expect(normal(await collectKpiAggregates(run, from, to, outcome))).toEqual(normal(before));
  });
});
