import autocannon from 'autocannon';
import { ensureSeeded } from '../lib/seeded';
import { BenchContext, Scenario } from './types';

/** Russian (with ё folded), English, and one- and two-character Chinese words. */
export const SEARCH_TERMS = ['возврат', 'warranty', '款', '退款'] as const;
const LABELS = ['ru', 'en', 'zh-1-char', 'zh-2-char'];

function searches(ctx: BenchContext): autocannon.Request[] {
  const headers = {
    authorization: `Bearer ${ctx.token({ sub: 'bench-officer', roles: ['ombudsman_officer'] })}`,
  };
  return SEARCH_TERMS.map((q) => ({
    method: 'GET' as const,
    path: `/v1/admin/cases?limit=25&q=${encodeURIComponent(q)}`,
    headers,
  }));
}

/** Multilingual search over 100,000 cases, the four kinds of query in turn. */
export const search: Scenario = {
  name: 'search',
  connections: 10,
  setup: (ctx) => ensureSeeded(ctx.databaseUrl, ctx.cases),
  targets: { p95Ms: 100 },
  service: (ctx) => ({ path: '/v1/admin/cases', requests: searches(ctx), labels: LABELS }),
  baseline: (ctx) => ({ path: '/v1/admin/cases', requests: searches(ctx), labels: LABELS }),
};
