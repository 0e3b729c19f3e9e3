import fc from 'fast-check';
import { filingBody } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

/** Values of every JSON shape, including ones no validator expects. */
const anyJson = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
  fc.string({ minLength: 2001, maxLength: 12000 }),
);

const FIELD_PATHS = [
  ['customer'],
  ['customer', 'name'],
  ['customer', 'email'],
  ['customer', 'customerNumber'],
  ['subject'],
  ['description'],
  ['desiredOutcome'],
  ['amountInDispute'],
  ['amountInDispute', 'amountMinor'],
  ['amountInDispute', 'currency'],
  ['category'],
  ['preferredLanguage'],
  ['complaintReference'],
  ['unexpected'],
] as const;

function setPath(
  body: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key]))
      node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
  return copy;
}

/** A valid body with one field broken: wrong type, wrong value, or a field nobody asked for. */
const mutatedBody = fc
  .tuple(fc.constantFrom(...FIELD_PATHS), anyJson)
  .filter(
    ([path, value]) =>
      !(
        path.length === 1 &&
        path[0] === 'desiredOutcome' &&
        typeof value === 'string' &&
        value.length <= 2000
      ),
  )
  .map(([path, value]) => setPath(filingBody(), path, value));

const randomBody = fc.oneof(
  anyJson,
  fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 8 }),
);

describe('filing under a thousand broken bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers only 4xx problem+json and files nothing', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedBody, randomBody), async (body) => {
        const res = await t
          .http()
          .post('/v1/escalations')
          .set('content-type', 'application/json')
          .send(JSON.stringify(body));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        // Some mutations stay valid (a different but allowed value): those may file a case.
        if (res.status === 201) return;
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 1000 },
    );
    const created = statuses.get(201) ?? 0;
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM ombudsman_case');
    expect(n).toBe(created);
    // Nearly every broken body must be refused; a handful of mutations remain valid by chance.
    expect(created).toBeLessThan(100);
  });
});
