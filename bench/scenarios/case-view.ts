import autocannon from 'autocannon';
import { Client } from 'pg';
import { ensureSeeded, spreadCases } from '../lib/seeded';
import { BenchContext, Scenario } from './types';

/** Cases spread over the whole table, oldest to newest, each given a long history. */
const SPREAD = 4;
const TIMELINE_ENTRIES = 200;
let references: string[] = [];

/**
 * The picked cases get office notes until each holds 200 timeline entries (a second run finds
 * them full): a long-running dispute, the view staff open most.
 */
async function pickLongCases(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await spreadCases(client, SPREAD);
    for (const { id } of rows) {
      await client.query(
        `INSERT INTO case_timeline_entry (case_id, type, actor_sub, actor_role, actor_name, body,
                                          visible_to_customer, visible_to_company, occurred_at)
         SELECT $1, 'note.added', 'bench-officer', 'ombudsman_officer', 'Bench Officer',
                'Called the company; they will answer by Friday (' || i || ').', false, false,
                now() - ($2 - i) * interval '1 hour'
           FROM generate_series(1, greatest(0, $2 -
                  (SELECT count(*)::int FROM case_timeline_entry WHERE case_id = $1))) AS i`,
        [id, TIMELINE_ENTRIES],
      );
    }
    return rows.map((row) => row.reference);
  } finally {
    await client.end();
  }
}

function requests(ctx: BenchContext): autocannon.Request[] {
  const headers = {
    authorization: `Bearer ${ctx.token({ sub: 'bench-officer', roles: ['ombudsman_officer'] })}`,
  };
  return references.map((reference) => ({
    method: 'GET' as const,
    path: `/v1/admin/cases/${reference}`,
    headers,
  }));
}

/** GET /v1/admin/cases/:reference of a case with 200 timeline entries, p95 ≤ 20 ms. */
export const caseView: Scenario = {
  name: 'case-view',
  connections: 10,
  targets: { p95Ms: 20 },
  async setup(ctx) {
    await ensureSeeded(ctx.databaseUrl, ctx.cases);
    references = await pickLongCases(ctx.databaseUrl);
  },
  service: (ctx) => ({ path: '/v1/admin/cases', requests: requests(ctx) }),
  baseline: (ctx) => ({ path: '/v1/admin/cases', requests: requests(ctx) }),
};
