import { JwtRole } from '../src/auth/roles';
import { startTestApp, TestApp } from './support/test-app';

const IMPORT = '/v1/frontline/complaints:import';
const DAY_MS = 86_400_000;

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

interface ItemResult {
  index: number;
  externalId: string;
  outcome: 'created' | 'unchanged' | 'refused';
  reference: string | null;
  id: string | null;
  problem: {
    status: number;
    code: string;
    errors?: { field: string }[];
    [k: string]: unknown;
  } | null;
}

describe('importing complaints from a CRM in bulk', () => {
  let t: TestApp;
  const bearer = (role: JwtRole = 'integration', sub = 'crm') => `Bearer ${t.token(role, sub)}`;
  const item = (externalId: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    customer: { name: 'Li Wei', email: `${externalId}@example.cn` },
    subject: '押金没有退还',
    description: 'The deposit was not refunded after the return.',
    channel: 'phone',
    ...extra,
  });
  const send = (complaints: object[], role: JwtRole = 'integration', sub = 'crm') =>
    t.http().post(IMPORT).set('authorization', bearer(role, sub)).send({ complaints });
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    ((await t.dataSource.query(sql, params)) as { n: number }[])[0].n;
  const writes = async () => ({
    complaints: await count('SELECT count(*)::int AS n FROM frontline_complaint'),
    audit: await count('SELECT count(*)::int AS n FROM audit_entry'),
    events: await count('SELECT count(*)::int AS n FROM outbox_event'),
  });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('an import records each complaint with its final response and answers per item', async () => {
    const receivedAt = daysAgo(200);
    const respondedAt = daysAgo(190);
    const res = await send([
      item('imp-1', {
        receivedAt,
        finalResponse: {
          text: 'We refunded half.',
          offer: { amountMinor: 5000, currency: 'EUR' },
          respondedAt,
        },
      }),
      item('imp-2'),
      item('imp-3', { receivedAt: daysAgo(-3) }),
    ]).expect(200);
    expect(res.body).toMatchObject({ created: 2, unchanged: 0, refused: 1 });
    const items = res.body.items as ItemResult[];
    expect(items.map((i) => [i.index, i.externalId, i.outcome])).toEqual([
      [0, 'imp-1', 'created'],
      [1, 'imp-2', 'created'],
      [2, 'imp-3', 'refused'],
    ]);
    expect(items[2]).toMatchObject({
      reference: null,
      id: null,
      problem: { status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'receivedAt' }] },
    });

    const read = await t
      .http()
      .get(`/v1/frontline/complaints/${items[0].reference}`)
      .set('authorization', bearer('frontline_agent', 'agent-3'))
      .expect(200);
    expect(read.body).toMatchObject({
      id: items[0].id,
      externalId: 'imp-1',
      source: 'crm',
      receivedAt,
      finalResponse: {
        text: 'We refunded half.',
        offer: { amountMinor: 5000, currency: 'EUR' },
        respondedAt,
        respondedBy: 'crm',
      },
    });
    expect(
      await count(`SELECT count(*)::int AS n FROM frontline_complaint WHERE external_id = 'imp-3'`),
    ).toBe(0);
  });

  it('the same batch sent again is unchanged and writes nothing', async () => {
    const batch = [
      item('again-1', { receivedAt: daysAgo(50) }),
      item('again-2', {
        receivedAt: daysAgo(9),
        finalResponse: { text: 'Sorry.', respondedAt: daysAgo(2) },
      }),
    ];
    const first = await send(batch).expect(200);
    expect(first.body).toMatchObject({ created: 2, unchanged: 0, refused: 0 });
    const before = await writes();
    const again = await send(batch).expect(200);
    expect(again.body).toMatchObject({ created: 0, unchanged: 2, refused: 0 });
    expect((again.body.items as ItemResult[]).map((i) => i.reference)).toEqual(
      (first.body.items as ItemResult[]).map((i) => i.reference),
    );
    expect(await writes()).toEqual(before);
  });

  it('an item whose externalId already made another complaint is refused with a conflict for that item alone', async () => {
    const receivedAt = daysAgo(30);
    await send([
      item('taken-1', { receivedAt, finalResponse: { text: 'No.', respondedAt: daysAgo(20) } }),
    ]).expect(200);
    const res = await send([
      item('taken-1', {
        subject: 'Something else',
        receivedAt,
        finalResponse: { text: 'Yes after all.', respondedAt: daysAgo(10) },
      }),
      item('fresh-1'),
    ]).expect(200);
    expect(res.body).toMatchObject({ created: 1, unchanged: 0, refused: 1 });
    const [conflict, fresh] = res.body.items as ItemResult[];
    expect(conflict).toMatchObject({
      outcome: 'refused',
      problem: {
        status: 409,
        code: 'COMPLAINT_EXTERNAL_ID_CONFLICT',
        externalId: 'taken-1',
        reference: expect.stringMatching(/^CMP-\d{6,}$/),
        differences: ['subject', 'finalResponse.text', 'finalResponse.respondedAt'],
      },
    });
    expect(fresh.outcome).toBe('created');
    const [row] = (await t.dataSource.query(
      `SELECT subject, final_response_text FROM frontline_complaint WHERE external_id = 'taken-1'`,
    )) as { subject: string; final_response_text: string }[];
    expect(row).toEqual({ subject: '押金没有退还', final_response_text: 'No.' });
  });

  it('an externalId is unique per source: another integration importing it gets its own complaint', async () => {
    await send([item('shared-9')]).expect(200);
    const res = await send([item('shared-9')], 'integration', 'shop').expect(200);
    expect(res.body).toMatchObject({ created: 1, refused: 0 });
  });

  it('an item is all or nothing: a final response dated before its receipt leaves no complaint behind', async () => {
    const before = await writes();
    const res = await send([
      item('whole-1', {
        receivedAt: daysAgo(10),
        finalResponse: { text: 'Too early.', respondedAt: daysAgo(11) },
      }),
    ]).expect(200);
    expect(res.body.items[0]).toMatchObject({
      outcome: 'refused',
      problem: { code: 'VALIDATION_FAILED', errors: [{ field: 'respondedAt' }] },
    });
    expect(await writes()).toEqual(before);
  });

  it('a body that does not match the schema is refused as a whole with the field paths, and nothing is written', async () => {
    const before = await writes();
    const cases: [object[], string[]][] = [
      [
        [item('ok-1'), item('bad-1', { customer: { name: 'X', email: 'nope' } })],
        ['complaints.1.customer.email'],
      ],
      [[{ ...item('x'), externalId: undefined }], ['complaints.0.externalId']],
      [
        [item('fr-1', { finalResponse: { text: 'Missing date' } })],
        ['complaints.0.finalResponse.respondedAt'],
      ],
      [[], ['complaints']],
      [Array.from({ length: 1001 }, (_, i) => item(`many-${i}`)), ['complaints']],
    ];
    for (const [complaints, fields] of cases) {
      const res = await send(complaints);
      expect(res.status).toBe(400);
      const seen = [...new Set((res.body.errors as { field: string }[]).map((e) => e.field))];
      expect(seen).toEqual(fields);
    }
    expect(await writes()).toEqual(before);
  });

  it('a thousand complaints in one body larger than the ordinary body limit are imported', async () => {
    const description = 'Ausführliche Beschreibung des Falls. '.repeat(40);
    const complaints = Array.from({ length: 1000 }, (_, i) =>
      item(`bulk-${i}`, { description, receivedAt: daysAgo(400 - (i % 300)) }),
    );
    expect(Buffer.byteLength(JSON.stringify({ complaints }))).toBeGreaterThan(
      t.config.http.bodyLimitBytes,
    );
    const res = await send(complaints).expect(200);
    expect(res.body).toMatchObject({ created: 1000, unchanged: 0, refused: 0 });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM frontline_complaint WHERE external_id LIKE 'bulk-%'`,
      ),
    ).toBe(1000);
  }, 180_000); // a thousand transactions: seconds here, a minute on a busy machine

  it('the colon route neither shadows nor is shadowed by the complaint routes', async () => {
    const created = await send([item('route-1')], 'frontline_agent', 'agent-9').expect(200);
    const reference = (created.body.items as ItemResult[])[0].reference!;
    const read = await t
      .http()
      .get(`/v1/frontline/complaints/${reference}`)
      .set('authorization', bearer('frontline_agent', 'agent-9'))
      .expect(200);
    expect(read.body.externalId).toBe('route-1');
    const wrongMethod = await t.http().get(IMPORT).set('authorization', bearer()).expect(405);
    expect(wrongMethod.headers.allow).toBe('POST');
    await t
      .http()
      .post('/v1/frontline/complaints:export')
      .set('authorization', bearer())
      .send({ complaints: [] })
      .expect(404);
  });

  it('only the front line imports: no token is 401 and the office’s roles are 403', async () => {
    await t
      .http()
      .post(IMPORT)
      .send({ complaints: [item('who-1')] })
      .expect(401);
    for (const role of ['ombudsman_officer', 'ombudsman', 'auditor'] as const) {
      const res = await send([item('who-1')], role, 'olga').expect(403);
      expect(res.body.code).toBe('AUTH_FORBIDDEN');
    }
    expect(
      await count(`SELECT count(*)::int AS n FROM frontline_complaint WHERE external_id = 'who-1'`),
    ).toBe(0);
  });
});
