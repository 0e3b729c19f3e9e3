import {
  buildNamedAndMentionsQuery,
  buildQueueQuery,
  QueueFilter,
} from '../src/cases/queue/case-queue.sql';
import { recogniseExact } from '../src/cases/queue/exact-search';
import { startTestApp, TestApp } from './support/test-app';

const QUEUE = '/v1/admin/cases';
const CASES = 3000;

/**
 * The queue's `breached` and `atRisk` filters read the flagged deadlines in queue order (migration
 * 1767400000000-order-flagged-deadlines-by-case): these tests pin the order, the paging, the
 * combinations with other filters and the plan on an office of a few thousand cases.
 */
describe('the breached and at-risk queue', () => {
  let t: TestApp;
  const sql = <T>(text: string, params: unknown[] = []) =>
    t.dataSource.query(text, params) as Promise<T[]>;

  beforeAll(async () => {
    t = await startTestApp();
    // Every third case breached twice (outcome and front line), every third at risk, every
    // fifth at risk on top, the rest with their deadline met; two statuses, five minutes apart.
    await sql(`
      INSERT INTO ombudsman_case (reference, status, customer_name, customer_email, subject,
        description, category, language, access_token_hash, created_at, updated_at)
      SELECT 'OMB-2001-' || lpad(i::text, 6, '0'),
             (ARRAY['investigation', 'mediation'])[1 + i % 2], 'Anna Petrova',
             'anna.' || i || '@example.org', 'Parcel lost', 'The parcel never came.', 'delivery',
             'en', sha256(int4send(i)), now() - i * interval '5 minutes', now()
        FROM generate_series(1, ${CASES}) AS i`);
    await sql(`
      INSERT INTO case_deadline (case_id, kind, party, started_at, due_at, met_at, breached_at, at_risk_at)
      SELECT c.id, k.kind, k.party, c.created_at, c.created_at + interval '10 days',
             CASE WHEN n % 3 = 2 AND n % 5 <> 0 THEN now() END,
             CASE WHEN n % 3 = 0 THEN c.created_at + interval '10 days' END,
             CASE WHEN n % 3 <> 2 OR n % 5 = 0 THEN c.created_at + interval '8 days' END
        FROM (SELECT id, created_at, substr(reference, 10)::int AS n FROM ombudsman_case) c
        CROSS JOIN LATERAL (VALUES ('outcome', 'office'), ('frontline_response', 'company')) k(kind, party)
       WHERE k.kind = 'outcome' OR c.n % 3 = 0`);
    // A case breached and, through a second deadline, at risk too.
    await sql(`
      INSERT INTO case_deadline (case_id, kind, party, started_at, due_at, at_risk_at)
      SELECT id, 'information_request', 'customer', created_at, created_at + interval '30 days',
             created_at + interval '25 days'
        FROM ombudsman_case WHERE substr(reference, 10)::int % 15 = 0`);
    await sql('VACUUM (ANALYZE) ombudsman_case, case_deadline');
  });
  afterAll(() => t.close());

  const officer = () => `Bearer ${t.token('ombudsman_officer', 'staff-1')}`;

  async function walk(query: Record<string, string>): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t
        .http()
        .get(QUEUE)
        .query(cursor === null ? query : { ...query, cursor })
        .set('authorization', officer())
        .expect(200);
      const body = res.body as { items: { reference: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((item) => item.reference));
      cursor = body.nextCursor;
    } while (cursor !== null);
    return seen;
  }

  const FLAGGED = {
    breached: 'd.breached_at IS NOT NULL AND d.met_at IS NULL AND d.cancelled_at IS NULL',
    atRisk:
      'd.at_risk_at IS NOT NULL AND d.breached_at IS NULL AND d.met_at IS NULL AND d.cancelled_at IS NULL',
  };
  /** The references a filter should list, in queue order, worked out independently. */
  const expected = async (conditions: string[]) =>
    (
      await sql<{ reference: string }>(
        `SELECT reference FROM ombudsman_case c
          WHERE ${conditions.map((condition) => `(${condition})`).join(' AND ')}
          ORDER BY created_at DESC, id DESC`,
      )
    ).map((row) => row.reference);
  const having = (flag: keyof typeof FLAGGED) =>
    `EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_id = c.id AND ${FLAGGED[flag]})`;

  it('pages through the breached cases newest first, each once however many of its deadlines breached', async () => {
    const seen = await walk({ breached: 'true', limit: '100' });
    expect(seen).toEqual(await expected([having('breached')]));
    expect(seen).toHaveLength(CASES / 3);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('pages through the at-risk cases, and with both filters lists only the cases with both', async () => {
    expect(await walk({ atRisk: 'true', limit: '100' })).toEqual(
      await expected([having('atRisk')]),
    );
    const both = await walk({ breached: 'true', atRisk: 'true', limit: '7' });
    expect(both).toEqual(await expected([having('breached'), having('atRisk')]));
    expect(both).toHaveLength(CASES / 15);
  });

  it('keeps the status filter and a search inside the breached filter', async () => {
    expect(await walk({ breached: 'true', status: 'mediation', limit: '50' })).toEqual(
      await expected([having('breached'), `status = 'mediation'`]),
    );
    expect(await walk({ breached: 'true', q: 'anna.300@example.org' })).toEqual([
      'OMB-2001-000300',
    ]);
    expect(await walk({ breached: 'true', q: 'anna.301@example.org' })).toEqual([]);
  });

  it('moves a case’s deadlines with it when its filing time is corrected', async () => {
    await sql(
      `UPDATE ombudsman_case SET created_at = now() + interval '1 minute'
        WHERE reference = 'OMB-2001-002997'`,
    );
    const res = await t
      .http()
      .get(QUEUE)
      .query({ breached: 'true', limit: '1' })
      .set('authorization', officer())
      .expect(200);
    expect(res.body.items.map((item: { reference: string }) => item.reference)).toEqual([
      'OMB-2001-002997',
    ]);
    const [row] = await sql<{ apart: number }>(
      `SELECT count(*)::int AS apart FROM case_deadline d JOIN ombudsman_case c ON c.id = d.case_id
        WHERE d.case_created_at <> c.created_at`,
    );
    expect(row.apart).toBe(0);
  });

  const BASE: QueueFilter = {
    statuses: [],
    assignee: null,
    category: null,
    terms: [],
    after: null,
    fetch: 26,
  };
  const planOf = async (query: { text: string; values: unknown[] }): Promise<string> => {
    const rows = await sql<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.text}`, query.values);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };
  const explain = (filter: Partial<QueueFilter>) => planOf(buildQueueQuery({ ...BASE, ...filter }));

  it.each([
    ['breached', { breached: true }, 'ix_case_deadline_breached_open'],
    ['at-risk', { atRisk: true }, 'ix_case_deadline_at_risk_open'],
  ])(
    'reads the %s page from its deadline index in queue order, never by walking every case',
    async (_, filter, index) => {
      const plan = await explain(filter);
      expect(plan).toMatch(new RegExp(`Index (Only )?Scan using ${index}`));
      expect(plan).not.toContain('ix_ombudsman_case_created');
      expect(plan).not.toMatch(/Seq Scan|Sort\b/);
    },
  );

  it('reads both flags from the at-risk index, which stays small, and probes each case for a breach', async () => {
    const plan = await explain({ breached: true, atRisk: true });
    expect(plan).toMatch(/Index (Only )?Scan using ix_case_deadline_at_risk_open/);
    expect(plan).toContain('SubPlan');
    expect(plan).not.toContain('ix_case_deadline_breached_open');
  });

  it('probes the cases a reference names or that mention it for a breach, never reading every breached deadline', async () => {
    const key = recogniseExact('OMB-2001-000300');
    if (!key) throw new Error('not recognised as a reference');
    const plan = await planOf(
      buildNamedAndMentionsQuery({ ...BASE, breached: true, exact: { key, mode: 'only' } }),
    );
    expect(plan).toContain('SubPlan');
    expect(plan).not.toContain('ix_case_deadline_breached_open');
    expect(plan).not.toMatch(/Hash (Semi )?Join/);
  });
});
