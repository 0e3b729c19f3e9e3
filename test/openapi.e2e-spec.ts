import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenApiContract, OpenApiDocument } from './support/openapi-contract';
import { startTestApp, TestApp } from './support/test-app';

const COMMITTED = join(__dirname, '..', 'openapi.json');

interface Operation {
  summary?: string;
  security?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.http().get('/docs-json').expect(200);
    document = res.body;
    // `npm run openapi` regenerates the committed copy after an intended API change.
    if (process.env.UPDATE_OPENAPI === '1')
      writeFileSync(COMMITTED, `${JSON.stringify(document, null, 2)}\n`);
  });
  afterAll(() => t.close());

  it('matches the committed openapi.json (run `npm run openapi` after an intended change)', () => {
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    expect(document).toEqual(committed);
  });

  it('serves the Swagger UI at /docs', async () => {
    const res = await t.http().get('/docs/').redirects(1).expect(200);
    expect(res.text).toMatch(/swagger/i);
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        name: `${method.toUpperCase()} ${path}`,
        op,
      })),
    );

  it('gives every route a summary and a documented success response', () => {
    for (const { name, op } of operations()) {
      expect({ name, summary: op.summary ?? '' }).toEqual({
        name,
        summary: expect.stringMatching(/\S/),
      });
      const success = Object.keys(op.responses).filter((status) => /^2/.test(status));
      expect({ name, success: success.length > 0 }).toEqual({ name, success: true });
    }
  });

  it('documents 401 and 403 on every staff route and the metrics, and 401 and 404 on every customer route', () => {
    const schemes = (op: Operation) => (op.security ?? []).flatMap((s) => Object.keys(s as object));
    for (const { name, op } of operations().filter(({ op }) => (op.security ?? []).length > 0)) {
      const expected = schemes(op).includes('caseToken') ? ['401', '404'] : ['401', '403'];
      expect({ name, statuses: Object.keys(op.responses) }).toEqual({
        name,
        statuses: expect.arrayContaining(expected),
      });
    }
  });

  it('documents 400 on every route that takes a body', () => {
    for (const { name, op } of operations().filter(({ op }) => op.requestBody)) {
      expect({ name, statuses: Object.keys(op.responses) }).toEqual({
        name,
        statuses: expect.arrayContaining(['400']),
      });
    }
  });

  it('gives examples that are valid against their own schemas', () => {
    const contract = new OpenApiContract(document as unknown as OpenApiDocument);
    const invalid: string[] = [];
    let checked = 0;
    const visit = (node: unknown, at: string[]): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((item, i) => visit(item, [...at, String(i)]));
      const record = node as Record<string, unknown>;
      if ('example' in record) {
        // A media type holds its example beside its schema; a schema holds its own.
        const isMediaType = at[at.length - 2] === 'content';
        const schema = isMediaType ? [...at, 'schema'] : at;
        if (!isMediaType || record.schema) {
          checked += 1;
          const pointer =
            '#/' + schema.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
          for (const error of contract.validateAgainst(pointer, record.example))
            invalid.push(`${pointer}: example ${error}`);
        }
      }
      for (const [key, value] of Object.entries(record))
        if (key !== 'example' && key !== 'examples') visit(value, [...at, key]);
    };
    visit(document, []);
    expect(checked).toBeGreaterThan(100);
    expect(invalid).toEqual([]);
  });

  it('describes errors as application/problem+json', () => {
    for (const { op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (/^[45]/.test(status))
          expect(Object.keys(response.content ?? {})).toContain('application/problem+json');
      }
    }
  });
});
