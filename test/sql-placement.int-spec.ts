import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const FIXTURE = readFileSync(join(__dirname, 'fixtures', 'sql-placement', 'runs-sql.ts'), 'utf8');
const RULE = 'no-restricted-syntax';

/**
 * Lints the fixture's text as if it were each of these files of src/, with the project's own
 * eslint.config.mjs, in one child process (the config is an ES module, which Jest's CommonJS
 * sandbox cannot import). Answers the rules that fired, per file.
 */
function rulesFiredAt(paths: readonly string[]): Record<string, string[]> {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const text = ${JSON.stringify(FIXTURE)};
      const fired = {};
      for (const filePath of ${JSON.stringify(paths)}) {
        const [result] = await eslint.lintText(text, { filePath });
        fired[filePath] = result.messages.map((m) => m.ruleId + ': ' + m.message);
      }
      process.stdout.write(JSON.stringify(fired));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const child = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Record<string, string[]>;
}

describe('the rule that keeps SQL in repositories', () => {
  const fired = rulesFiredAt([
    'src/cases/notes/case-notes.service.ts',
    'src/health/readiness.controller.ts',
    'src/reports/kpi-queries.ts',
    'src/cases/notes/case-notes.repository.ts',
    'src/documents/storage/postgres-document.store.ts',
  ]);
  const refusals = (path: string) => fired[path].filter((m) => m.startsWith(`${RULE}:`));

  it.each([
    'src/cases/notes/case-notes.service.ts',
    'src/health/readiness.controller.ts',
    'src/reports/kpi-queries.ts',
  ])('refuses a .query( call in %s', (path) => {
    expect(refusals(path)).toEqual([expect.stringContaining('SQL lives in a repository')]);
  });

  it('lets a repository run its SQL', () => {
    expect(refusals('src/cases/notes/case-notes.repository.ts')).toEqual([]);
  });

  it('lets the storage port’s PostgreSQL adapter run its SQL', () => {
    expect(refusals('src/documents/storage/postgres-document.store.ts')).toEqual([]);
  });
});
