import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';
import {
  call,
  FAULT_SECRET,
  filing,
  Instance,
  staffToken,
  startInstance,
} from './support/instances';
import { reportFigures, setting } from './support/figures';
import { FaultPostgres, startFaultPostgres } from './support/postgres';

const ROOT = join(__dirname, '..', '..');
const FIRST = setting('FAULT_BACKUP_CASES', 5);
/**
 * A PostgreSQL 15 server (the optional dependency `postgres15-server`, linux-x64 only), for the
 * pg_dump 15 of Debian 12: the DATABASE_URL path needs a pg_dump at least as new as its server.
 */
const PG15 = join(ROOT, 'node_modules', 'postgres15-server', 'native');

jest.setTimeout(300_000);

function runScript(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    let output = '';
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register', join(ROOT, 'scripts', script), ...args],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          TS_NODE_TRANSPILE_ONLY: 'true',
          JWT_SECRET: FAULT_SECRET,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

interface Scenario {
  /** The service's database settings while cases are filed and the backup is taken. */
  readonly serviceEnv: Record<string, string>;
  /** What the backup script is run with. */
  readonly backupEnv: Record<string, string>;
}

describe('fault: backup, more filings, restore into an empty data folder', () => {
  const dirs: string[] = [];
  const services: Instance[] = [];
  let pg: FaultPostgres | undefined;

  afterAll(async () => {
    await Promise.all(services.map((s) => s.terminate()));
    await pg?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    chmodSync(dir, 0o755);
    dirs.push(dir);
    return dir;
  };

  async function backupFileMoreRestore(name: string, scenario: Scenario) {
    const before = await startInstance({ ...scenario.serviceEnv, RATE_LIMIT_PER_MINUTE: '100000' });
    services.push(before);
    const fileOne = async (tag: string) => {
      const res = await call(before.base, 'POST', '/v1/escalations', { body: filing(tag) });
      expect(res.status).toBe(201);
      return (res.body as { reference: string }).reference;
    };
    const first: string[] = [];
    for (let i = 0; i < FIRST; i += 1) first.push(await fileOne('backed-up'));
    // A staff change too, so the restored audit chains hold more than the filing.
    await call(before.base, 'POST', `/v1/admin/cases/${first[0]}/notes`, {
      token: staffToken('ombudsman_officer', 'olga'),
      body: { body: 'before the backup' },
    });

    // Taken while the service runs and writes, as an operator would.
    const file = join(tempDir('ombudsman-backup-'), 'ombudsman.backup');
    const backup = await runScript('backup.ts', ['--out', file], scenario.backupEnv);
    expect(backup.output).toMatch(/backup written: /);
    expect(backup.code).toBe(0);
    const later: string[] = [];
    for (let i = 0; i < 3; i += 1) later.push(await fileOne('after-backup'));
    await before.terminate();

    const dataDir = tempDir('ombudsman-restored-');
    const pgPort = String(await freePort());
    const restore = await runScript('restore.ts', [file], {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: pgPort,
    });
    expect(restore.output).toMatch(/restored /);
    expect(restore.code).toBe(0);
    const again = await runScript('restore.ts', [file], {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: pgPort,
    });

    const after = await startInstance({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: pgPort });
    services.push(after);
    const auditor = staffToken('auditor', 'audrey');
    const queue = await call(after.base, 'GET', '/v1/admin/cases?limit=100', { token: auditor });
    const restored = ((queue.body as { items: { reference: string }[] }).items ?? []).map(
      (c) => c.reference,
    );
    const verify = await call(after.base, 'GET', '/v1/admin/audit/verify', { token: auditor });
    const report = verify.body as { valid: boolean; chainsChecked: number; entriesChecked: number };
    const missing = first.filter((r) => !restored.includes(r)).length;
    const extra = restored.filter((r) => !first.includes(r)).length;
    await after.terminate();

    reportFigures(name, {
      kind: /base backup/.test(backup.output) ? 'base-backup' : 'pg_dump',
      filed_before: first.length,
      filed_after: later.length,
      restored: restored.length,
      lost: missing,
      extra,
      duplicated: restored.length - new Set(restored).size,
      audit_valid: report.valid,
      chains: report.chainsChecked,
      entries: report.entriesChecked,
      backup_bytes: statSync(file).size,
      restore_over_data_refused: again.code === 2,
    });

    expect(queue.status).toBe(200);
    expect(missing).toBe(0);
    expect(extra).toBe(0);
    expect(report.valid).toBe(true);
    expect(report.chainsChecked).toBeGreaterThanOrEqual(FIRST);
    expect(report.entriesChecked).toBeGreaterThan(FIRST);
    expect(again.code).toBe(2);
    expect(again.output).toMatch(/already holds a database/);
  }

  it('restores the embedded default (no DATABASE_URL) backed up while the service runs', async () => {
    const dataDir = tempDir('ombudsman-embedded-');
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
    await backupFileMoreRestore('backup-restore-embedded', { serviceEnv: env, backupEnv: env });
  });

  // The pg_dump path needs a pg_dump at least as new as the server: pg_dump 15 (Debian 12) and
  // the optional PostgreSQL 15 package, which exists for linux-x64 only.
  const pgDumpPath = existsSync(join(PG15, 'bin', 'postgres')) ? it : it.skip;
  pgDumpPath('restores a pg_dump of DATABASE_URL into an empty data folder', async () => {
    pg = await startFaultPostgres('ombudsman', PG15);
    const env = { DATABASE_URL: pg.url };
    await backupFileMoreRestore('backup-restore', { serviceEnv: env, backupEnv: env });
  });
});
