import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { runMigrations } from '../../src/database/migrate';
import { freePort } from './free-port';

export const TEMPLATE_DATABASE = 'ombudsman_template';

/**
 * One embedded PostgreSQL for the whole run; a migrated template database that every test file
 * clones (CREATE DATABASE … TEMPLATE) so each starts clean in milliseconds.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ombudsman-test-'));
  // The server runs as the unprivileged `postgres` user, which must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir, port, database: TEMPLATE_DATABASE });
  await runMigrations(server.url);
  process.env.TEST_PG_TEMPLATE_URL = server.url;
  process.env.TEST_PG_DATA_DIR = dataDir;
  process.env.TEST_OPENAPI_COUNT_FILE = join(dataDir, 'openapi-checked-responses');
  (globalThis as { __testPostgres?: typeof server }).__testPostgres = server;
}
