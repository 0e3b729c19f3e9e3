import autocannon from 'autocannon';
import { cursorAtDepth, ensureSeeded } from '../lib/seeded';
import { BenchContext, Scenario } from './types';

/** How deep the second page is: half-way down a 100,000-case queue. */
const DEEP = 50_000;
let deepCursor = '';
const PAGES = ['first-page', 'deep-page'];

function pages(ctx: BenchContext): autocannon.Request[] {
  const headers = {
    authorization: `Bearer ${ctx.token({ sub: 'bench-officer', roles: ['ombudsman_officer'] })}`,
  };
  return [
    { method: 'GET', path: '/v1/admin/cases?limit=25', headers },
    {
      method: 'GET',
      path: `/v1/admin/cases?limit=25&cursor=${encodeURIComponent(deepCursor)}`,
      headers,
    },
  ];
}

/** The staff queue on 100,000 cases: the first page and a page 50,000 cases deep, alternately. */
export const queue: Scenario = {
  name: 'queue',
  connections: 10,
  async setup(ctx) {
    await ensureSeeded(ctx.databaseUrl);
    deepCursor = await cursorAtDepth(ctx.databaseUrl, DEEP);
  },
  targets: { p95Ms: 20 },
  service: (ctx) => ({ path: '/v1/admin/cases', requests: pages(ctx), labels: PAGES }),
  baseline: (ctx) => ({ path: '/v1/admin/cases', requests: pages(ctx), labels: PAGES }),
};
