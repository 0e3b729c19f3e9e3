import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileAndRead } from '../clients/typescript/examples/file-and-read';
import { createOmbudsmanClient, ProblemError } from '../clients/typescript/src';
import { startTestApp, TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');
const CLIENT = join(ROOT, 'clients', 'typescript');

describe('the TypeScript client in clients/typescript', () => {
  it('has types generated from the committed openapi.json (run `npm run openapi` after a change)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'client-')), 'schema.d.ts');
    execFileSync(
      join(ROOT, 'node_modules', '.bin', 'openapi-typescript'),
      ['openapi.json', '-o', out, '--default-non-nullable', 'false'],
      { cwd: ROOT, stdio: 'pipe' },
    );
    const committed = readFileSync(join(CLIENT, 'src', 'schema.d.ts'), 'utf8');
    expect(committed === readFileSync(out, 'utf8')).toBe(true);
  });

  describe('against the running service', () => {
    let t: TestApp;
    let baseUrl: string;
    beforeAll(async () => {
      t = await startTestApp();
      await t.app.listen(0, '127.0.0.1');
      baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    });
    afterAll(() => t.close());

    it('runs the example: files a case and reads it back with its access token', async () => {
      const lines: string[] = [];
      const reference = await fileAndRead(baseUrl, (line) => lines.push(line));
      expect(reference).toMatch(/^OMB-\d{4}-\d{6}$/);
      expect(lines[0]).toBe(`filed ${reference}: referred_to_frontline`);
      expect(lines[1]).toMatch(new RegExp(`^read ${reference}: \\S`));
      expect(lines.some((line) => line.startsWith('deadline '))).toBe(true);
      console.log(lines.join('\n'));
    });

    it('throws a typed problem on an error answer', async () => {
      const client = createOmbudsmanClient({ baseUrl, token: 'not-a-token' });
      const failure = await client
        .GET('/v1/admin/cases', { params: { query: { limit: 1 } } })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ProblemError);
      expect((failure as ProblemError).status).toBe(401);
      expect((failure as ProblemError).problem.code).toBe('AUTH_UNAUTHENTICATED');
    });

    it('sends a staff token', async () => {
      const client = createOmbudsmanClient({ baseUrl, token: () => t.token('ombudsman') });
      const { data } = await client.GET('/v1/admin/cases', { params: { query: { limit: 1 } } });
      expect(data?.items.length).toBe(1);
    });
  });
});
