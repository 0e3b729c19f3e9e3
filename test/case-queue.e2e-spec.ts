import { JwtRole } from '../src/auth/roles';
import { fileCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

const QUEUE = '/v1/admin/cases';

interface QueueItem {
  readonly reference: string;
}

async function page(t: TestApp, query: Record<string, string | string[]>, sub = 'staff-1') {
  const res = await t
    .http()
    .get(QUEUE)
    .query(query)
    .set('authorization', `Bearer ${t.token('ombudsman_officer', sub)}`)
    .expect(200);
  return res.body as { items: QueueItem[]; nextCursor: string | null };
}

/** Every page of a query; `between` runs after each page, before the next is asked for. */
async function walk(
  t: TestApp,
  query: Record<string, string | string[]>,
  between: () => Promise<unknown> = async () => undefined,
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const body = await page(t, cursor === null ? query : { ...query, cursor });
    seen.push(...body.items.map((item) => item.reference));
    cursor = body.nextCursor;
    await between();
  } while (cursor !== null);
  return seen;
}

async function queueOrder(t: TestApp): Promise<string[]> {
  const rows = (await t.dataSource.query(
    'SELECT reference FROM ombudsman_case ORDER BY created_at DESC, id DESC',
  )) as { reference: string }[];
  return rows.map((row) => row.reference);
}

describe('paging through the case queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const filed = [];
    for (let i = 0; i < 12; i += 1) filed.push(await fileCase(t));
    // Five cases filed in the same microsecond: only the id tells them apart.
    await t.dataSource.query(
      `UPDATE ombudsman_case SET created_at = '2026-01-01T00:00:00.123456Z'
        WHERE reference = ANY($1::text[])`,
      [filed.slice(3, 8).map((c) => c.reference)],
    );
  });
  afterAll(() => t.close());

  it('walks every case exactly once, newest first, ties included', async () => {
    const expected = await queueOrder(t);
    const seen = await walk(t, { limit: '4' });
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(12);
  });

  it('neither repeats nor skips a case when cases are filed between page requests', async () => {
    const before = await queueOrder(t);
    const newcomers: string[] = [];
    const seen = await walk(t, { limit: '3' }, async () => {
      newcomers.push((await fileCase(t)).reference);
    });
    expect(seen).toEqual(before);
    const first = await page(t, { limit: String(newcomers.length) });
    expect(first.items.map((item) => item.reference)).toEqual([...newcomers].reverse());
  });

  it('answers 25 cases by default and says where to go on', async () => {
    for (let i = 0; i < 14; i += 1) await fileCase(t);
    const body = await page(t, {});
    expect(body.items).toHaveLength(25);
    expect(body.nextCursor).toEqual(expect.any(String));
    expect(body.items[0]).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^OMB-\d{4}-\d{6}$/),
      status: 'referred_to_frontline',
      outcome: null,
      category: 'billing',
      language: 'en',
      subject: 'Refund refused',
      customerName: 'Анна Петрова',
      assignedOfficerId: null,
      assignedOfficerName: null,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
      version: expect.any(Number),
    });
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['the wrong shape', Buffer.from('[1,2]').toString('base64url')],
    [
      'an impossible time',
      Buffer.from(
        '["2026-02-30T00:00:00.000000Z","6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10"]',
      ).toString('base64url'),
    ],
  ])('refuses a cursor that is %s with 400', async (_, cursor) => {
    const res = await t
      .http()
      .get(QUEUE)
      .query({ cursor })
      .set('authorization', `Bearer ${t.token('ombudsman')}`)
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it.each([
    ['an unknown status', { status: 'investigation,pending' }, 'status'],
    ['a limit above 100', { limit: '101' }, 'limit'],
    ['a limit of 0', { limit: '0' }, 'limit'],
    ['an unknown category', { category: 'weather' }, 'category'],
    ['an unknown parameter', { sort: 'reference' }, 'sort'],
  ])('refuses %s with 400 and the field path', async (_, query, field) => {
    const res = await t
      .http()
      .get(QUEUE)
      .query(query)
      .set('authorization', `Bearer ${t.token('ombudsman')}`)
      .expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it.each<JwtRole>(['auditor', 'ombudsman_officer', 'ombudsman'])(
    'lets the %s read the queue',
    async (role) => {
      await t
        .http()
        .get(QUEUE)
        .set('authorization', `Bearer ${t.token(role)}`)
        .expect(200);
    },
  );

  it.each<JwtRole>(['frontline_agent', 'integration'])(
    'refuses the queue to the %s with 403',
    async (role) => {
      await t
        .http()
        .get(QUEUE)
        .set('authorization', `Bearer ${t.token(role)}`)
        .expect(403);
    },
  );

  it('refuses the queue without a token with 401', async () => {
    await t.http().get(QUEUE).expect(401);
  });
});

describe('filtering the case queue', () => {
  let t: TestApp;
  const ref: Record<string, string> = {};

  /** [name, category, status, outcome, assigned officer] */
  const CASES = [
    ['mineBilling', 'billing', 'investigation', null, 'staff-1'],
    ['olgasDelivery', 'delivery', 'investigation', null, 'olga'],
    ['olgasBilling', 'billing', 'mediation', null, 'olga'],
    ['newBilling', 'billing', 'referred_to_frontline', null, null],
    ['withdrawnDelivery', 'delivery', 'closed', 'withdrawn', null],
    ['mineToo', 'billing', 'investigation', null, 'staff-1'],
  ] as const;

  beforeAll(async () => {
    t = await startTestApp();
    for (const [name, category, status, outcome, officer] of CASES) {
      const filed = await fileCase(t, { category });
      ref[name] = filed.reference;
      await t.dataSource.query(
        `UPDATE ombudsman_case SET status = $2, outcome = $3, assigned_officer_id = $4,
                assigned_officer_name = $4 WHERE reference = $1`,
        [filed.reference, status, outcome, officer],
      );
    }
  });
  afterAll(() => t.close());

  it.each<[string, Record<string, string | string[]>, string[]]>([
    ['one status', { status: 'investigation' }, ['mineBilling', 'olgasDelivery', 'mineToo']],
    [
      'statuses separated by commas',
      { status: 'investigation,mediation' },
      ['mineBilling', 'olgasDelivery', 'olgasBilling', 'mineToo'],
    ],
    [
      'a repeated status',
      { status: ['investigation', 'mediation'] },
      ['mineBilling', 'olgasDelivery', 'olgasBilling', 'mineToo'],
    ],
    ['assignee=me', { assignee: 'me' }, ['mineBilling', 'mineToo']],
    ['assignee=none', { assignee: 'none' }, ['newBilling', 'withdrawnDelivery']],
    ['another officer', { assignee: 'olga' }, ['olgasDelivery', 'olgasBilling']],
    ['an officer and a category', { assignee: 'olga', category: 'billing' }, ['olgasBilling']],
    [
      'status, assignee=me and category',
      { status: 'investigation', assignee: 'me', category: 'billing' },
      ['mineBilling', 'mineToo'],
    ],
    [
      'category and assignee=none',
      { category: 'delivery', assignee: 'none' },
      ['withdrawnDelivery'],
    ],
    ['a closed status', { status: 'closed' }, ['withdrawnDelivery']],
  ])('combines filters: %s', async (_, query, names) => {
    const seen = await walk(t, { ...query, limit: '2' });
    expect([...seen].sort()).toEqual(names.map((name) => ref[name]).sort());
  });

  it('reads assignee=me as whoever calls', async () => {
    const body = await page(t, { assignee: 'me' }, 'olga');
    expect(body.items.map((item) => item.reference).sort()).toEqual(
      [ref.olgasDelivery, ref.olgasBilling].sort(),
    );
  });
});
