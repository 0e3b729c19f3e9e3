import autocannon from 'autocannon';
import { OFFICERS } from '../../scripts/seed-vocabulary';
import { cursorAtDepth, ensureSeeded } from '../lib/seeded';
import { BenchContext, Scenario } from './types';

/** How deep the second page is: 20,000 cases down the queue (or half-way down a smaller one). */
const DEEP = 20_000;
let deepCursor = '';

/** The first page, a deep page, and each filter staff use, in turn; one label each. */
const PAGES: readonly (readonly [label: string, query: () => string])[] = [
  ['first-page', () => ''],
  ['deep-page', () => `&cursor=${encodeURIComponent(deepCursor)}`],
  ['status', () => '&status=investigation'],
  ['assignee-me', () => '&assignee=me'],
  ['assignee-none', () => '&assignee=none'],
  ['category', () => '&category=delivery'],
  ['breached', () => '&breached=true'],
  ['at-risk', () => '&atRisk=true'],
];

function pages(ctx: BenchContext): autocannon.Request[] {
  // A seeded officer, so that `assignee=me` has a queue of their own.
  const headers = {
    authorization: `Bearer ${ctx.token({ sub: OFFICERS[0].id, roles: ['ombudsman_officer'] })}`,
  };
  return PAGES.map(([, query]) => ({
    method: 'GET' as const,
    path: `/v1/admin/cases?limit=25${query()}`,
    headers,
  }));
}

const LABELS = PAGES.map(([label]) => label);

/** The staff queue: first page, a page 20,000 cases deep, and every filter (p95 ≤ 20 ms). */
export const queue: Scenario = {
  name: 'queue',
  connections: 10,
  async setup(ctx) {
    await ensureSeeded(ctx.databaseUrl, ctx.cases);
    deepCursor = await cursorAtDepth(ctx.databaseUrl, Math.min(DEEP, Math.floor(ctx.cases / 2)));
  },
  targets: { p95Ms: 20 },
  service: (ctx) => ({ path: '/v1/admin/cases', requests: pages(ctx), labels: LABELS }),
  baseline: (ctx) => ({ path: '/v1/admin/cases', requests: pages(ctx), labels: LABELS }),
};
