/**
 * Runs one embedded PostgreSQL for a fault test, outside Jest's module sandbox (which cannot load
 * the ES-module package of the binaries). Prints one JSON line `{url, clusterDir}` once it
 * accepts connections; SIGTERM stops the server and the process.
 */
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../../src/database/embedded-postgres';
import {
  placePostgres,
  prepareClusterDir,
} from '../../../src/database/embedded/postgres-placement';
import {
  clusterExists,
  initialiseCluster,
  startServer,
} from '../../../src/database/embedded/postgres-server';
import { serverAccountFor } from '../../../src/database/embedded/postgres-user';

/** Another PostgreSQL than the embedded one (FAULT_PG_HOME: a folder with bin/, lib/, share/). */
async function startOther(home: string, dataDir: string, port: number, database: string) {
  const account = serverAccountFor(process.getuid?.() ?? -1);
  const placement = placePostgres({ home, version: `other-${port}` }, dataDir, account);
  const settings = {
    binariesHome: placement.binariesHome,
    clusterDir: placement.clusterDir,
    port,
    user: 'postgres',
    password: 'postgres',
    account,
  };
  if (!clusterExists(placement.clusterDir)) {
    prepareClusterDir(placement.clusterDir, account);
    await initialiseCluster(settings);
  }
  const server = await startServer(settings);
  const url = `postgres://postgres:postgres@127.0.0.1:${port}`;
  const admin = new Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  return { url: `${url}/${database}`, clusterDir: placement.clusterDir, stop: () => server.stop() };
}

async function main(): Promise<void> {
  const home = process.env.FAULT_PG_HOME;
  const options = {
    dataDir: process.env.FAULT_PG_DATA_DIR ?? '',
    port: Number(process.env.FAULT_PG_PORT),
    database: process.env.FAULT_PG_DATABASE ?? 'ombudsman',
  };
  const server = home
    ? await startOther(home, options.dataDir, options.port, options.database)
    : await startEmbeddedPostgres(options);
  process.stdout.write(`${JSON.stringify({ url: server.url, clusterDir: server.clusterDir })}\n`);
  process.on('SIGTERM', () => {
    void server.stop().finally(() => process.exit(0));
  });
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
