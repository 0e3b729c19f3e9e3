import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/free-port';

const ROOT = join(__dirname, '..');
const DEADLINE_MS = 240_000;

/** The fenced block between the README's first-five-minutes markers, exactly as a reader sees it. */
function firstFiveMinutes(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section =
    /<!-- first-five-minutes:start -->\s*```bash\n([\s\S]*?)```\s*<!-- first-five-minutes:end -->/.exec(
      readme,
    );
  if (!section) throw new Error('README.md has no first-five-minutes block');
  return section[1];
}

/**
 * Runs the lines in bash, in the project folder, on free ports and a throw-away DATA_DIR; then does
 * what the reader does last, Ctrl-C (SIGINT to the whole group, the background `npm start`
 * included), and waits until every process of the group has let go of the output.
 */
function runInBash(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `set -euo pipefail\n${script}`], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let code: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // the group is gone
      }
    };
    const timer = setTimeout(() => signalGroup('SIGKILL'), DEADLINE_MS);
    child.on('exit', (exitCode) => {
      code = exitCode;
      signalGroup('SIGINT');
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the README', () => {
  it(
    'walks a newcomer through start, docs, a token, a filing and the queue exactly as written',
    async () => {
      const port = await freePort();
      const dataDir = mkdtempSync(join(tmpdir(), 'ombudsman-readme-'));
      chmodSync(dataDir, 0o755);
      // The block names http://localhost:3000; the test only moves it to a free port.
      const script = firstFiveMinutes().replaceAll('localhost:3000', `localhost:${port}`);
      try {
        const { code, output } = await runInBash(script, {
          PORT: String(port),
          DATA_DIR: dataDir,
          EMBEDDED_PG_PORT: String(await freePort()),
          LOG_LEVEL: 'warn',
          NODE_ENV: 'development',
          JWT_SECRET: '',
          DATABASE_URL: '',
        });
        expect({ code, output }).toMatchObject({ code: 0 });
        expect(output).toContain('Swagger UI: 200');
        const reference = /"reference":"(OMB-\d{4}-\d{6})"/.exec(output)?.[1];
        expect(reference).toBeDefined();
        expect(output).toMatch(/"accessToken":"[^"]+"/);
        const queue = output.slice(output.lastIndexOf('{"items":'));
        expect(queue).toContain(`"reference":"${reference}"`);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    DEADLINE_MS + 30_000,
  );
});
