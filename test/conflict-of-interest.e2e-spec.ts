import { randomUUID } from 'node:crypto';
import { investigatedCase, OFFICER, OMBUDSMAN, staff } from './support/cases';
import { startTestApp, TestApp } from './support/test-app';

type Method = 'post' | 'put' | 'patch' | 'delete';
const WRITES: readonly string[] = ['post', 'put', 'patch', 'delete'];

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
}

describe('a declared conflict of interest', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  let doc: OpenApi;
  beforeAll(async () => {
    t = await startTestApp();
    as = staff(t);
    doc = (await t.http().get('/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(() => t.close());

  const declare = (reference: string, authorization: string, body: Record<string, string>) =>
    t
      .http()
      .post(`/v1/admin/cases/${reference}/conflicts`)
      .set('authorization', authorization)
      .send(body);

  /** Every staff write on one case the API offers, but declaring a conflict. */
  const caseWrites = (reference: string): { method: Method; path: string }[] =>
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/admin/cases/{reference}/'))
      .filter(([path]) => path !== '/v1/admin/cases/{reference}/conflicts')
      .flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((method) => WRITES.includes(method))
          .map((method) => ({
            method: method as Method,
            path: path.replace('{reference}', reference).replace(/\{[^}]+\}/g, () => randomUUID()),
          })),
      );

  const footprint = async (reference: string) => {
    const [row] = await t.dataSource.query(
      `SELECT c.version, (SELECT count(*)::int FROM audit_entry a WHERE a.chain_key = c.id::text) AS audit
         FROM ombudsman_case c WHERE c.reference = $1`,
      [reference],
    );
    return row as { version: number; audit: number };
  };

  it('bars an ombudsman who declared one from every write on the case, with 403 CONFLICT_OF_INTEREST', async () => {
    const { reference } = await investigatedCase(t);
    await declare(reference, as.ombudsman, { reason: 'I know the customer' }).expect(201);
    const before = await footprint(reference);
    const writes = caseWrites(reference);
    expect(writes.map((w) => w.path.split('/').slice(5).join('/'))).toEqual(
      expect.arrayContaining(['triage', 'assign', 'notes', 'messages', 'decision', 'close']),
    );
    for (const { method, path } of writes) {
      const res = await t.http()[method](path).set('authorization', as.ombudsman).send({});
      expect({ method, path, status: res.status, code: res.body.code }).toEqual({
        method,
        path,
        status: 403,
        code: 'CONFLICT_OF_INTEREST',
      });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await footprint(reference)).toEqual(before);
  });

  it('bars an officer who declared one from notes, messages, questions, proposals and taking the case back', async () => {
    const { reference } = await investigatedCase(t);
    await declare(reference, as.officer, { reason: 'Former employer' }).expect(201);
    const attempts: [string, Record<string, unknown>][] = [
      ['notes', { body: 'Looks strong.' }],
      ['messages', { to: 'customer', body: 'Hello' }],
      ['information-requests', { party: 'company', question: 'Invoice?' }],
      ['proposals', { terms: 'Refund', remedies: [{ type: 'apology', description: 'Sorry' }] }],
      ['assign', { officerId: OFFICER }],
    ];
    for (const [route, body] of attempts) {
      const res = await t
        .http()
        .post(`/v1/admin/cases/${reference}/${route}`)
        .set('authorization', as.officer)
        .send(body);
      expect({ route, status: res.status, code: res.body.code }).toEqual({
        route,
        status: 403,
        code: 'CONFLICT_OF_INTEREST',
      });
    }
  });

  it('still lets them read the case and its history, for audit', async () => {
    const { reference } = await investigatedCase(t);
    await declare(reference, as.officer, { reason: 'Former employer' }).expect(201);
    for (const suffix of ['', '/timeline', '/audit', '/proposals', '/remedies']) {
      await t
        .http()
        .get(`/v1/admin/cases/${reference}${suffix}`)
        .set('authorization', as.officer)
        .expect(200);
    }
  });

  it('lets them repeat their own declaration but not record one for a colleague', async () => {
    const { reference } = await investigatedCase(t);
    const first = await declare(reference, as.ombudsman, { reason: 'Neighbour' }).expect(201);
    const again = await declare(reference, as.ombudsman, { reason: 'Neighbour' }).expect(201);
    expect(again.body.id).toBe(first.body.id);
    const colleague = await declare(reference, as.ombudsman, {
      staffId: OFFICER,
      reason: 'To take the case away',
    }).expect(403);
    expect(colleague.body.code).toBe('CONFLICT_OF_INTEREST');
  });

  it('leaves colleagues without a conflict free to work the case', async () => {
    const { reference } = await investigatedCase(t);
    await declare(reference, as.ombudsman, { reason: 'Neighbour' }).expect(201);
    await t
      .http()
      .post(`/v1/admin/cases/${reference}/notes`)
      .set('authorization', as.officer)
      .send({ body: `Oscar (${OMBUDSMAN}) stepped back.` })
      .expect(201);
  });

  it('documents that the customer reads the triage reason', () => {
    const reason = doc.components.schemas.TriageCaseDto.properties.reason;
    expect(reason.description).toMatch(/customer/i);
  });
});
