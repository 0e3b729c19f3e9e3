import { seedOutcomes } from '../../scripts/seed-outcomes';
import { progress } from '../lib/log';
import { ensureSeeded } from '../lib/seeded';
import { BenchContext, Scenario } from './types';

const DAY_MS = 86_400_000;

/** `from=…&to=…` for the last `days` days up to now. */
function lastDays(days: number): string {
  const to = new Date();
  const from = new Date(to.getTime() - days * DAY_MS);
  return `from=${from.toISOString()}&to=${to.toISOString()}`;
}

/**
 * The office is seeded over ten years (scripts/seed-office.ts, outcomes included); a database
 * seeded otherwise gets its outcomes here.
 */
async function seed(ctx: BenchContext): Promise<void> {
  await ensureSeeded(ctx.databaseUrl, ctx.cases);
  const started = Date.now();
  if (await seedOutcomes(ctx.databaseUrl))
    progress(`seeded outcomes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const auditor = (ctx: BenchContext) => ({
  authorization: `Bearer ${ctx.token({ sub: 'bench-auditor', roles: ['auditor'] })}`,
});

function report(name: string, days: number, p95Ms: number): Scenario {
  let path = '';
  return {
    name,
    // An office's report is read by a few people at a time, not by a crowd.
    connections: 2,
    targets: { p95Ms },
    async setup(ctx) {
      await seed(ctx);
      path = `/v1/admin/reports/kpis?${lastDays(days)}`;
    },
    service: (ctx) => ({ path, headers: auditor(ctx) }),
    baseline: () => ({ path }),
  };
}

/** GET /v1/admin/reports/kpis for the last 365 days (a tenth of the office), p95 ≤ 300 ms. */
export const kpis = report('kpis', 365, 300);

/** The same for all ten years of the office (the longest period the route allows), p95 ≤ 500 ms. */
export const kpisTenYears = report('kpis:ten-years', 3650, 500);

/** GET /v1/public/statistics for this year: no login, served from the per-instance cache. */
export const kpisPublic: Scenario = {
  name: 'kpis-public',
  connections: 10,
  targets: { p95Ms: 50 },
  setup: seed,
  service: () => ({ path: '/v1/public/statistics' }),
  baseline: () => ({ path: '/v1/public/statistics' }),
};
