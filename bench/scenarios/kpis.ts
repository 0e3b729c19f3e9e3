import { seedOutcomes } from '../../scripts/seed-outcomes';
import { progress } from '../lib/log';
import { ensureSeeded } from '../lib/seeded';
import { BenchContext, Scenario } from './types';

/**
 * The shared bench data is 100,000 cases over the last two years; the report period covers all
 * of them, so each request aggregates 100,000 cases (received, closed, acknowledged, rated, paid).
 */
function period(): string {
  const to = new Date();
  const from = new Date(to.getTime() - 740 * 86_400_000);
  return `from=${from.toISOString()}&to=${to.toISOString()}`;
}

async function seed(ctx: BenchContext): Promise<void> {
  await ensureSeeded(ctx.databaseUrl);
  const started = Date.now();
  if (await seedOutcomes(ctx.databaseUrl))
    progress(`seeded outcomes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

let path = '';

/** GET /v1/admin/reports/kpis for the period of all 100,000 cases, as an auditor. */
export const kpis: Scenario = {
  name: 'kpis',
  // An office's report is read by a few people at a time, not by a crowd.
  connections: 2,
  async setup(ctx) {
    await seed(ctx);
    path = `/v1/admin/reports/kpis?${period()}`;
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
  setup: seed,
  service: () => ({ path: '/v1/public/statistics' }),
  baseline: () => ({ path: '/v1/public/statistics' }),
};
