import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { runMigrations } from '../../src/database/migrate';
import { seedOffice } from '../../scripts/seed-office';
import { Child, waitForHttp } from './processes';
import { Cleanup } from './cleanup';
import { freePorts } from './ports';
import { progress } from './log';

/** Fixed so that tokens are reproducible; 48 characters (the service wants 32+ bytes). */
export const BENCH_JWT_SECRET = 'bench-only-secret-0123456789abcdef0123456789abcd';

const ROOT = resolve(__dirname, '..', '..');
const READY_TIMEOUT_MS = 60_000;

export interface Stack {
  readonly serviceUrl: string;
  readonly baselineUrl: string;
  readonly databaseUrl: string;
  /** The service's process id (its memory is read from /proc). */
  readonly servicePid: number;
  /** How long the service took from its spawn to answering /health/ready, on the seeded data. */
  readonly startToReadyMs: number;
}

/**
 * Where the seeded office of `cases` cases is kept between runs (gitignored): seeding a million
 * cases takes minutes, so a second run reuses it. BENCH_DATA_DIR moves it.
 */
function officeDir(cases: number): string {
  return resolve(process.env.BENCH_DATA_DIR ?? join(ROOT, '.bench-data'), `office-${cases}`);
}

/**
 * PostgreSQL on the kept office cluster (seeded to `cases` on first use, see scripts/seed-office.ts),
 * a fresh `bench` database copied from the seeded `office` one (the scenarios write: the office
 * stays as seeded), then the built service and the baseline on free ports.
 */
export async function startStack(cleanup: Cleanup, cases: number): Promise<Stack> {
  const tempDir = await mkdtemp(join(tmpdir(), 'ombudsman-bench-'));
  // The embedded server runs as the `postgres` user when we are root: it must reach its dir.
  await chmod(tempDir, 0o755);
  cleanup.add('remove temp dir', () => rm(tempDir, { recursive: true, force: true }));
  // Safety net when something else (e.g. embedded-postgres' exit hook) ends the process first.
  process.once('exit', () => rmSync(tempDir, { recursive: true, force: true }));

  const [pgPort, servicePort, baselinePort] = await freePorts(3);
  const dataDir = officeDir(cases);
  progress(`starting PostgreSQL on ${pgPort} for ${dataDir}`);
  const office = await startEmbeddedPostgres({ dataDir, port: pgPort, database: 'office' });
  cleanup.add('stop PostgreSQL', () => office.stop());
  await runMigrations(office.url);
  const seedStarted = Date.now();
  await seedOffice(office.url, cases, progress);
  progress(`office of ${cases} cases ready in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
  const db = { url: await copyDatabase(office.url, 'office', 'bench') };

  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url };
  delete env.JWT_PUBLIC_KEY;
  const service = spawnChild(cleanup, 'service', process.execPath, ['dist/src/main.js'], {
    ...env,
    PORT: String(servicePort),
    HOST: '127.0.0.1',
    DATA_DIR: join(tempDir, 'service'),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET: BENCH_JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '1000000',
    // A full audit verification of a large office answers after more than the default 30 s of a
    // silent socket (audit-verify); production sets its own limit.
    HTTP_CONNECTION_TIMEOUT_MS: '600000',
  });
  const serviceUrl = `http://127.0.0.1:${servicePort}`;
  progress(`starting the service on ${servicePort}`);
  const spawned = Date.now();
  await ready(service, `${serviceUrl}/health/ready`);
  const startToReadyMs = Date.now() - spawned;

  const tsNode = require.resolve('ts-node/dist/bin');
  const baseline = spawnChild(
    cleanup,
    'baseline',
    process.execPath,
    [tsNode, '--swc', 'bench/baseline.ts'],
    { ...env, PORT: String(baselinePort), NODE_ENV: 'production' },
  );
  const baselineUrl = `http://127.0.0.1:${baselinePort}`;
  progress(`starting the baseline on ${baselinePort}`);
  await ready(baseline, `${baselineUrl}/__baseline/ready`, (status) => status === 204);

  return {
    serviceUrl,
    baselineUrl,
    databaseUrl: db.url,
    servicePid: service.pid ?? 0,
    startToReadyMs,
  };
}

/** `target` anew as a file copy of `source` (no WAL for every page, unlike the default strategy). */
async function copyDatabase(url: string, source: string, target: string): Promise<string> {
  const admin = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    const started = Date.now();
    await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [source],
    );
    await admin.query(`CREATE DATABASE ${target} TEMPLATE ${source} STRATEGY FILE_COPY`);
    progress(`copied ${source} to ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await admin.end();
  }
  return url.replace(/\/[^/]+$/, `/${target}`);
}

function spawnChild(
  cleanup: Cleanup,
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Child {
  const child = new Child({ label, command, args, env, cwd: ROOT });
  cleanup.add(`stop ${label}`, () => child.stop());
  process.once('exit', () => child.kill());
  return child;
}

async function ready(child: Child, url: string, accept?: (status: number) => boolean) {
  try {
    await waitForHttp(url, child, READY_TIMEOUT_MS, accept);
  } catch (error) {
    child.dumpOutput();
    throw error;
  }
}
