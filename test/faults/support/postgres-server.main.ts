/**
 * Runs one embedded PostgreSQL for a fault test, outside Jest's module sandbox (which cannot load
 * the ES-module package of the binaries). Prints one JSON line `{url, clusterDir}` once it
 * accepts connections; SIGTERM stops the server and the process.
 */
import { startEmbeddedPostgres } from '../../../src/database/embedded-postgres';

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres({
    dataDir: process.env.FAULT_PG_DATA_DIR ?? '',
    port: Number(process.env.FAULT_PG_PORT),
    database: process.env.FAULT_PG_DATABASE ?? 'ombudsman',
  });
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
