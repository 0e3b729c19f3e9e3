import { seedOutcomes } from '../../scripts/seed-outcomes';
import { progress } from '../lib/log';
import { ensureSeeded } from '../lib/seeded';
import { BenchContext, Scenario } from './types';

const YEAR_MS = 365 * 86_400_000;

/**
 * The load: 100,000 cases spread over a year, and the KPI report for that year. The
 * shared bench data is 100,000 cases over two years; seeding their outcomes first draws them into
 * the last 364 days (order kept, so the queue and search scenarios see the same queue), and the
 * report asks for the last 365 days: each request aggregates all 100,000 cases (received, closed,
 * acknowledged, rated, paid).
 */
function lastYear(): string {
  const to = new Date();
  const from = new Date(to.getTime() - YEAR_MS);
  return `from=${from.toISOString()}&to=${to.toISOString()}`;
}

async function seed(ctx: BenchContext): Promise<void> {
  await ensureSeeded(ctx.databaseUrl);
  const started = Date.now();
  if (await seedOutcomes(ctx.databaseUrl, { withinOneYear: true }))
    progress(`seeded outcomes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

let path = '';

/** GET /v1/admin/reports/kpis for the year of all 100,000 cases, as an auditor (p95 ≤ 500 ms). */
export const kpis: Scenario = {
  name: 'kpis',
  // An office's report is read by a few people at a time, not by a crowd.
  connections: 2,
  targets: { p95Ms: 500 },
  async setup(ctx) {
    await seed(ctx);
    path = `/v1/admin/reports/kpis?${lastYear()}`;
  },
  service: (ctx) => ({
    path,
    headers: { authorization: `Bearer ${ctx.token({ sub: 'bench-auditor', roles: ['auditor'] })}` },
  }),
  baseline: () => ({ path }),
};

/** GET /v1/public/statistics for this year: no login, served from the per-instance cache. */
export const kpisPublic: Scenario = {
  name: 'kpis-public',
  connections: 10,
  targets: { p95Ms: 50 },
  setup: seed,
  service: () => ({ path: '/v1/public/statistics' }),
  baseline: () => ({ path: '/v1/public/statistics' }),
};
