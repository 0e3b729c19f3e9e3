import { collectKpiAggregates } from '../../src/reports/kpi-aggregates.repository';
import { buildKpiReport } from '../../src/reports/kpi-report';
import { buildPublicStatistics } from '../../src/reports/public-statistics';
import { yearPeriod } from '../../src/reports/report-period';
import { BaselineRoute } from './types';

const POLICY = {
  acknowledge: { amount: 2, unit: 'business_days' },
  outcome: { amount: 90, unit: 'calendar_days' },
} as const;
const FRESH_MS = 60_000;
const cache = new Map<number, { at: number; body: unknown }>();

/**
 * The KPI report and the public statistics with the service's own SQL and formulas, JWT-free and
 * without a framework: the floor for the `kpis` and `kpis-public` scenarios.
 */
export const kpiRoutes: readonly BaselineRoute[] = [
  {
    method: 'GET',
    path: '/v1/admin/reports/kpis',
    async handle({ pool, query }) {
      const from = new Date(query.get('from') ?? '');
      const to = new Date(query.get('to') ?? '');
      const aggregates = await collectKpiAggregates(
        async (sql, params) => (await pool.query(sql, params)).rows,
        from,
        to,
        POLICY.outcome,
      );
      return { status: 200, body: buildKpiReport(aggregates, POLICY) };
    },
  },
  {
    method: 'GET',
    path: '/v1/public/statistics',
    async handle({ pool, query }) {
      const year = Number(query.get('year') ?? new Date().getUTCFullYear());
      const cached = cache.get(year);
      if (cached && Date.now() - cached.at < FRESH_MS) return { status: 200, body: cached.body };
      const { from, to } = yearPeriod(year);
      const aggregates = await collectKpiAggregates(
        async (sql, params) => (await pool.query(sql, params)).rows,
        from,
        to,
        POLICY.outcome,
      );
      const body = buildPublicStatistics(year, aggregates);
      cache.set(year, { at: Date.now(), body });
      return { status: 200, body };
    },
  },
];
