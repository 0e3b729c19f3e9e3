import fc from 'fast-check';
import { isKnownCurrency } from '../src/common/money/money';
import { CATEGORIES } from '../src/cases/case-category';
import { LANGUAGES } from '../src/views/texts/customer-texts';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Every body generated here breaks at least one rule of the filing, by
 * construction: a valid body with one to three fields made invalid, or no filing at all. So any
 * 2xx, any 5xx, and any row written is a defect.
 */

const REMOVE = Symbol('remove the field');
type Mutation = readonly [path: readonly string[], value: unknown];

const TOP_LEVEL_FIELDS = [
  'customer',
  'complaintReference',
  'subject',
  'description',
  'desiredOutcome',
  'amountInDispute',
  'category',
  'preferredLanguage',
];
const CUSTOMER_FIELDS = ['name', 'email', 'customerNumber'];

const notAString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);
/** `null` is refused for every field, optional ones too (the document says none is nullable). */
const notAStringOrNull = fc.oneof(notAString, fc.constant(null));
const longerThan = (max: number) => fc.string({ minLength: max + 1, maxLength: max + 40 });
/** Any Unicode except NUL, which answers 400. */
const withNul = fc
  .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
  .map(([a, b]) => `${a}\u0000${b}`);

const badRequiredText = (max: number) =>
  fc.oneof(
    fc.constant(REMOVE),
    notAStringOrNull,
    fc.constantFrom('', ' ', '\n\t ', '\u3000'),
    longerThan(max),
    withNul,
  );
const badOptionalText = (max: number) => fc.oneof(notAStringOrNull, longerThan(max), withNul);
const stringNotIn = (allowed: readonly string[]) =>
  fc.string({ maxLength: 12 }).filter((s) => !allowed.includes(s));

const anyJson = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.constant(['customer']), fc.oneof(fc.constant(REMOVE), fc.string(), notAStringOrNull)),
  fc.tuple(fc.constant(['customer', 'name']), badRequiredText(200)),
  fc.tuple(
    fc.constant(['customer', 'email']),
    fc.oneof(
      fc.constant(REMOVE),
      notAStringOrNull,
      fc.string().filter((s) => !s.includes('@')),
      longerThan(254),
      withNul,
    ),
  ),
  fc.tuple(fc.constant(['customer', 'customerNumber']), badOptionalText(64)),
  fc
    .tuple(stringNotIn(CUSTOMER_FIELDS), anyJson)
    .filter(([key]) => key.length > 0)
    .map(([key, value]): Mutation => [['customer', key], value]),
  fc.tuple(
    fc.constant(['complaintReference']),
    fc.oneof(
      notAString,
      fc.string({ maxLength: 24 }).filter((s) => !/^CMP-\d{6,}$/.test(s)),
      fc
        .string({ minLength: 17, maxLength: 30, unit: fc.constantFrom(...'0123456789') })
        .map((digits) => `CMP-${digits}`),
    ),
  ),
  fc.tuple(fc.constant(['subject']), badRequiredText(200)),
  fc.tuple(fc.constant(['description']), badRequiredText(10_000)),
  fc.tuple(fc.constant(['desiredOutcome']), badOptionalText(2000)),
  fc.tuple(
    fc.constant(['amountInDispute']),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 })),
  ),
  fc.tuple(
    fc.constant(['amountInDispute', 'amountMinor']),
    fc.oneof(
      fc.constant(REMOVE),
      fc.constant(null),
      fc.string(),
      fc.boolean(),
      fc.integer({ max: -1 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
      fc.constant(Number.MAX_SAFE_INTEGER + 1),
      fc.array(fc.integer(), { maxLength: 2 }),
    ),
  ),
  fc.tuple(
    fc.constant(['amountInDispute', 'currency']),
    fc.oneof(
      fc.constant(REMOVE),
      notAStringOrNull,
      fc.string().filter((s) => !isKnownCurrency(s)),
      fc
        .string({
          minLength: 3,
          maxLength: 3,
          unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        })
        .filter((s) => !isKnownCurrency(s)),
    ),
  ),
  fc.tuple(
    fc.constant(['category']),
    fc.oneof(fc.constant(null), notAString, stringNotIn(CATEGORIES)),
  ),
  fc.tuple(fc.constant(['preferredLanguage']), fc.oneof(notAStringOrNull, stringNotIn(LANGUAGES))),
  fc
    .tuple(stringNotIn(TOP_LEVEL_FIELDS), anyJson)
    .filter(([key]) => key.length > 0)
    .map(([key, value]): Mutation => [[key], value]),
);

/** Valid filings of many shapes, the ground the mutations break. */
const validBody = fc.record(
  {
    customer: fc.record(
      {
        name: fc
          .string({ minLength: 1, maxLength: 60 })
          .filter((s) => !s.includes('\u0000') && s.trim() !== ''),
        email: fc.constantFrom('anna@example.org', 'li.wei@example.cn', 'ivan+omb@example.ru'),
        customerNumber: fc.string({ maxLength: 64 }).filter((s) => !s.includes('\u0000')),
      },
      { requiredKeys: ['name', 'email'] },
    ),
    subject: fc.constantFrom('Refund refused', 'Отказ в возврате', '退款被拒绝'),
    description: fc
      .string({ minLength: 1, maxLength: 300 })
      .filter((s) => !s.includes('\u0000') && s.trim() !== ''),
    desiredOutcome: fc.constant('Refund of the deposit'),
    amountInDispute: fc.record({
      amountMinor: fc.integer({ min: 0, max: 10_000_000 }),
      currency: fc.constantFrom('EUR', 'JPY', 'BHD', 'CNY', 'RUB'),
    }),
    category: fc.constantFrom(...CATEGORIES),
    preferredLanguage: fc.constantFrom(...LANGUAGES),
  },
  { requiredKeys: ['customer', 'subject', 'description'] },
);

function apply(body: Record<string, unknown>, [path, value]: Mutation): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    if (typeof child !== 'object' || child === null || Array.isArray(child)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

/** The last mutation applied always stands, so a body with one or more is invalid. */
const mutatedBody = fc
  .tuple(validBody, fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([body, mutations]) => mutations.reduce(apply, body as Record<string, unknown>));

/** Not a filing at all: no JSON object, or an object without the customer. */
const noFilingAtAll = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyJson, { maxLength: 4 }),
  fc.dictionary(stringNotIn(['customer']), anyJson, { maxKeys: 8 }),
);

const TABLES = [
  'ombudsman_case',
  'frontline_complaint',
  'audit_entry',
  'outbox_event',
  'case_timeline_entry',
  'case_deadline',
  'idempotency_key',
];

describe('filing under a thousand broken bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = n;
    }
    return counts;
  }

  it('answers every one with 4xx problem+json and writes no row anywhere', async () => {
    const before = await rowCounts();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: mutatedBody, weight: 4 }, { arbitrary: noFilingAtAll, weight: 1 }),
        fc.option(fc.uuid(), { nil: undefined, freq: 2 }),
        async (body, idempotencyKey) => {
          const req = t.http().post('/v1/escalations').set('content-type', 'application/json');
          if (idempotencyKey) void req.set('idempotency-key', idempotencyKey);
          const res = await req.send(JSON.stringify(body));
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.body.status).toBe(res.status);
        },
      ),
      { numRuns: 1000 },
    );
    expect([...statuses.keys()].filter((s) => s < 400 || s >= 500)).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  // Without this, a base body broken by mistake would make every mutation pass trivially.
  it('files the valid bodies the mutations start from', async () => {
    await fc.assert(
      fc.asyncProperty(validBody, async (body) => {
        const res = await t.http().post('/v1/escalations').send(body);
        expect(res.status).toBe(201);
      }),
      { numRuns: 25 },
    );
  });
});
