import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import { postgresExecutable } from './postgres-binaries';
import { explainServerFailure, RecentLines } from './postgres-log';
import { ServerAccount } from './postgres-user';

export interface ServerSettings {
  readonly binariesHome: string;
  readonly clusterDir: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly account?: ServerAccount;
  readonly onLog?: (line: string) => void;
}

/** A start-up failure of the embedded server: one line of cause and remedy, plus its log. */
export class EmbeddedPostgresError extends Error {
  constructor(
    message: string,
    readonly logLines: readonly string[] = [],
  ) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

// Server messages in English whatever the machine's language: readiness is read from them.
const SERVER_ENV = { LC_ALL: 'C', LANG: 'C' };
const START_TIMEOUT_MS = 120_000;

function asAccount(account?: ServerAccount): { uid?: number; gid?: number } {
  return account ? { uid: account.uid, gid: account.gid } : {};
}

/** Creates the cluster with `initdb` (password authentication, UTF-8, C.UTF-8 collation). */
export async function initialiseCluster(settings: ServerSettings): Promise<void> {
  const passwordFile = `${settings.clusterDir}.pwfile`;
  writeFileSync(passwordFile, `${settings.password}\n`, { mode: 0o600 });
  if (settings.account) chownSync(passwordFile, settings.account.uid, settings.account.gid);
  const log = new RecentLines(30);
  try {
    const code = await run(
      postgresExecutable(settings.binariesHome, 'initdb'),
      [
        `--pgdata=${settings.clusterDir}`,
        '--auth=scram-sha-256',
        `--username=${settings.user}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        // The machine may have no en_US locale; C.UTF-8 always exists and keeps storage UTF-8.
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      settings,
      log,
    );
    if (code !== 0)
      throw new EmbeddedPostgresError(
        `initdb could not create the cluster in ${settings.clusterDir} (exit code ${code}); its last lines are above`,
        log.all(),
      );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function run(
  file: string,
  args: string[],
  settings: ServerSettings,
  log: RecentLines,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...asAccount(settings.account), env: SERVER_ENV });
    const collect = (chunk: Buffer) => {
      log.push(chunk.toString('utf8'));
      settings.onLog?.(chunk.toString('utf8').trim());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => reject(spawnFailure(file, error)));
    child.on('close', (code) => resolve(code));
  });
}

function spawnFailure(file: string, error: Error): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    `could not run ${file} (${(error as NodeJS.ErrnoException).code ?? error.message}): ` +
      'run npm ci again, or set DATABASE_URL to a PostgreSQL of your own',
  );
}

export function clusterExists(clusterDir: string): boolean {
  return existsSync(join(clusterDir, 'PG_VERSION'));
}

/** A running server; `stop()` asks for a fast shutdown and waits for it. */
export class RunningServer {
  private readonly exited: Promise<void>;

  constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    // If this process ends without stop() (an uncaught error), do not leave the server behind.
    const killOnExit = () => child.kill('SIGINT');
    process.once('exit', killOnExit);
    void this.exited.then(() => process.removeListener('exit', killOnExit));
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGINT');
    await this.exited;
  }
}

/**
 * Starts `postgres` in its own process group, so a Ctrl-C in the terminal reaches the service,
 * which finishes its requests and then stops the server, instead of killing both at once.
 */
export function startServer(settings: ServerSettings): Promise<RunningServer> {
  const log = new RecentLines();
  return new Promise((resolve, reject) => {
    const child = spawn(
      postgresExecutable(settings.binariesHome, 'postgres'),
      ['-D', settings.clusterDir, '-p', String(settings.port), '-c', 'listen_addresses=127.0.0.1'],
      { ...asAccount(settings.account), env: SERVER_ENV, detached: true },
    );
    let settled = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(
        new EmbeddedPostgresError(
          `the embedded PostgreSQL did not become ready within ${START_TIMEOUT_MS / 1000} s; its last log lines are above`,
          log.all(),
        ),
      );
    }, START_TIMEOUT_MS);
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    };
    child.stdout.on('data', (chunk: Buffer) => settings.onLog?.(chunk.toString('utf8').trim()));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log.push(text);
      settings.onLog?.(text.trim());
      if (!settled && text.includes('database system is ready to accept connections')) {
        settled = true;
        clearTimeout(timer);
        resolve(new RunningServer(child));
      }
    });
    child.on('error', (error) =>
      fail(spawnFailure(postgresExecutable(settings.binariesHome, 'postgres'), error)),
    );
    child.on('exit', (code) =>
      fail(
        new EmbeddedPostgresError(
          explainServerFailure(log, {
            port: settings.port,
            clusterDir: settings.clusterDir,
            exitCode: code,
          }),
          log.all(),
        ),
      ),
    );
  });
}
