import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../../support/free-port';
import { sleep } from './figures';

/**
 * A PostgreSQL server of the test's own (the embedded binaries, or those in `home`; a fresh cluster), so that it can
 * be killed for real without touching the server the other test files share.
 */
export interface FaultPostgres {
  readonly url: string;
  readonly dataDir: string;
  readonly port: number;
  /**
   * `kill -9` of the postmaster: no shutdown, no checkpoint; its backends are left to notice.
   * Resolves once the last of them has gone, that is once no process of the server can answer.
   */
  killPostmaster(): Promise<number>;
  /** Starts the server again on the same cluster (crash recovery runs). */
  restart(): Promise<void>;
  stop(): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export async function startFaultPostgres(
  database = 'ombudsman',
  home?: string,
): Promise<FaultPostgres> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ombudsman-fault-pg-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  let server = await launch(dataDir, port, database, home);
  const url = server.url;
  return {
    url,
    dataDir,
    port,
    async killPostmaster() {
      const pid = Number(
        readFileSync(join(server.clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      // Stopped first, so that it forks no backend between the list and the kill: a backend born
      // then would serve writes after the "kill" and the outage would not be one.
      process.kill(pid, 'SIGSTOP');
      for (let waited = 0; waited < 2_000 && processState(pid) !== 'T'; waited += 5) await sleep(5);
      const backends = childrenOf(pid);
      process.kill(pid, 'SIGKILL');
      // A backend orphaned by the kill may still finish the statement it was running.
      for (let waited = 0; waited < 10_000 && backends.some(isAlive); waited += 20) await sleep(20);
      return pid;
    },
    async restart() {
      await server.stop();
      // Backends orphaned by the kill hold the shared memory a moment longer: try until they left.
      for (let attempt = 0; ; attempt += 1) {
        try {
          server = await launch(dataDir, port, database, home);
          return;
        } catch (error) {
          if (attempt >= 30) throw error;
          await sleep(500);
        }
      }
    },
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
  };
}

interface Launched {
  readonly url: string;
  readonly clusterDir: string;
  stop(): Promise<void>;
}

/** Starts postgres-server.main.ts and waits for its one line (see there why a process). */
function launch(dataDir: string, port: number, database: string, home?: string): Promise<Launched> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register', join(__dirname, 'postgres-server.main.ts')],
    {
      env: {
        PATH: process.env.PATH ?? '',
        TS_NODE_TRANSPILE_ONLY: 'true',
        FAULT_PG_DATA_DIR: dataDir,
        FAULT_PG_PORT: String(port),
        FAULT_PG_DATABASE: database,
        ...(home && { FAULT_PG_HOME: home }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { url, clusterDir } = JSON.parse(line) as { url: string; clusterDir: string };
      resolve({
        url,
        clusterDir,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) =>
      reject(new Error(`PostgreSQL did not start (exit ${code}): ${err}`)),
    );
  });
}

/** The pids whose parent is `pid` (Linux: /proc/<pid>/stat, field 4). */
/** The state letter of /proc/<pid>/stat: R running, S sleeping, T stopped… */
function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return children;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
