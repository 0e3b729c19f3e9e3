import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
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
}

/** Fresh PostgreSQL in a temp dir, then the built service and the baseline on free ports. */
export async function startStack(cleanup: Cleanup): Promise<Stack> {
  const tempDir = await mkdtemp(join(tmpdir(), 'ombudsman-bench-'));
  // The embedded server runs as the `postgres` user when we are root: it must reach its dir.
  await chmod(tempDir, 0o755);
  cleanup.add('remove temp dir', () => rm(tempDir, { recursive: true, force: true }));
  // Safety net when something else (e.g. embedded-postgres' exit hook) ends the process first.
  process.once('exit', () => rmSync(tempDir, { recursive: true, force: true }));

  const [pgPort, servicePort, baselinePort] = await freePorts(3);
  progress(`starting PostgreSQL on ${pgPort} in ${tempDir}`);
  const db = await startEmbeddedPostgres({ dataDir: tempDir, port: pgPort, database: 'bench' });
  cleanup.add('stop PostgreSQL', () => db.stop());

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
  });
  const serviceUrl = `http://127.0.0.1:${servicePort}`;
  progress(`starting the service on ${servicePort}`);
  await ready(service, `${serviceUrl}/health/ready`);

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

  return { serviceUrl, baselineUrl, databaseUrl: db.url, servicePid: service.pid ?? 0 };
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
