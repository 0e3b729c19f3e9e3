import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../src/config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { locatePostgresBinaries } from '../src/database/embedded/postgres-binaries';
import { placePostgres } from '../src/database/embedded/postgres-placement';
import { serverAccountFor } from '../src/database/embedded/postgres-user';

/** One line on stderr and exit code 2: what went wrong and what to do. */
export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The major version of a PostgreSQL tool, from `--version` ("pg_dump (PostgreSQL) 17.6"). */
function majorOf(file: string): number | undefined {
  try {
    const out = execFileSync(file, ['--version'], { encoding: 'utf8', stdio: 'pipe' });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `pg_dump` or `pg_restore` able to work with a server of this major version (a tool must be at
 * least as new as the server), or undefined. Looked for, in order: PG_BIN_DIR, the embedded
 * server's own binaries (the `embedded-postgres` package ships none today), PATH, then Debian's
 * /usr/lib/postgresql/<version>/bin, newest first. `seen` names the versions found too old.
 */
export async function locateTool(
  name: 'pg_dump' | 'pg_restore',
  serverMajor: number,
  binDir: string | undefined,
): Promise<{ file?: string; seen: string[] }> {
  const candidates: string[] = [];
  if (binDir) candidates.push(join(binDir, name));
  try {
    candidates.push(join((await locatePostgresBinaries()).home, 'bin', name));
  } catch {
    // no embedded binaries for this platform
  }
  candidates.push(name);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian))
    for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      candidates.push(join(debian, version, 'bin', name));
  const found = candidates.map((file) => ({ file, major: majorOf(file) }));
  const usable = found.find((c) => c.major !== undefined && c.major >= serverMajor);
  const seen = found.filter((c) => c.major !== undefined).map((c) => `${c.file} (${c.major})`);
  return { file: usable?.file, seen: [...new Set(seen)] };
}

export function missingTool(name: string, serverMajor: number, seen: string[]): never {
  return fail(
    `No ${name} for PostgreSQL ${serverMajor} or newer was found` +
      (seen.length > 0 ? ` (only ${seen.join(', ')})` : '') +
      `: install the PostgreSQL ${serverMajor} client tools, or set PG_BIN_DIR to the folder that holds ${name}.`,
  );
}

/** Like locateTool, but a missing tool ends the script with its one line. */
export async function findTool(
  name: 'pg_dump' | 'pg_restore',
  serverMajor: number,
  binDir: string | undefined,
): Promise<string> {
  const { file, seen } = await locateTool(name, serverMajor, binDir);
  return file ?? missingTool(name, serverMajor, seen);
}

export async function serverMajor(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT current_setting('server_version_num')::int AS v`);
    return Math.floor(Number(rows[0].v) / 10000);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export interface Target {
  readonly url: string;
  readonly embedded: boolean;
  /** The embedded cluster's folder (undefined for DATABASE_URL). */
  readonly clusterDir?: string;
  /** Stops the embedded server if this script started it. */
  release(): Promise<void>;
}

/**
 * The database of the service: DATABASE_URL, or the embedded default under DATA_DIR, reached
 * where the running service keeps it, or started for the time of the script when it is stopped.
 */
export async function serviceDatabase(config: AppConfig): Promise<Target> {
  if (config.databaseUrl)
    return { url: config.databaseUrl, embedded: false, release: async () => undefined };
  const url = `postgres://postgres:postgres@127.0.0.1:${config.embeddedPostgresPort}/ombudsman`;
  if (await answers(url))
    return {
      url,
      embedded: true,
      clusterDir: await embeddedClusterDir(config.dataDir),
      release: async () => undefined,
    };
  const started: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
  });
  return {
    url: started.url,
    embedded: true,
    clusterDir: started.clusterDir,
    release: () => started.stop(),
  };
}

/** Where the embedded default keeps the cluster of DATA_DIR (README.md, "Running as root"). */
export async function embeddedClusterDir(dataDir: string): Promise<string> {
  const account = serverAccountFor(process.getuid?.() ?? -1);
  return placePostgres(await locatePostgresBinaries(), dataDir, account).clusterDir;
}
