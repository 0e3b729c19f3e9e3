/**
 * Restores a backup made by `npm run backup` (README.md, "Backup and restore"):
 * npm run restore -- FILE. Into an empty data folder (DATA_DIR with no cluster yet: a new
 * embedded cluster is made, or the base backup becomes it), or, for a pg_dump file, into the empty
 * database DATABASE_URL names. Never over data.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config/load-config';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { prepareClusterDir } from '../src/database/embedded/postgres-placement';
import { serverAccountFor } from '../src/database/embedded/postgres-user';
import { unpackBaseBackup } from './base-backup';
import { embeddedClusterDir, fail, findTool, serviceDatabase } from './pg-tools';
import { isGzip } from './tar-archive';

async function tablesIn(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/** A base backup becomes the new cluster of DATA_DIR; its first start replays the WAL it carries. */
async function restoreBase(file: string, dataDir: string, port: number): Promise<void> {
  const clusterDir = await embeddedClusterDir(dataDir);
  const account = serverAccountFor(process.getuid?.() ?? -1);
  prepareClusterDir(clusterDir, account);
  await unpackBaseBackup(file, clusterDir, account);
  const server = await startEmbeddedPostgres({ dataDir, port });
  try {
    if ((await tablesIn(server.url)) === 0)
      fail('The base backup holds no tables of the service: nothing was restored');
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || !existsSync(file)) fail('Give the backup file: npm run restore -- FILE');
  const config = loadConfig(process.env);
  const base = isGzip(file);
  if (base && config.databaseUrl)
    fail(
      'This is a base backup of the embedded default: it restores only into an empty data folder (unset DATABASE_URL and set DATA_DIR to a new folder)',
    );
  if (!config.databaseUrl) {
    const dir = config.dataDir;
    if (existsSync(join(dir, 'pg', 'PG_VERSION')) || existsSync(join(dir, 'pg-location')))
      fail(
        `DATA_DIR (${dir}) already holds a database: restore into an empty data folder (set DATA_DIR to a new one), never over data`,
      );
  }
  if (base) {
    await restoreBase(resolve(file), config.dataDir, config.embeddedPostgresPort);
    console.log(`restored ${resolve(file)} (base backup) into ${config.dataDir}`);
    return;
  }
  const target = await serviceDatabase(config);
  try {
    if ((await tablesIn(target.url)) > 0)
      fail('The target database is not empty: restore into a new, empty database, never over data');
    // pg_restore reads archives of its own version and older, into servers of any newer version.
    const pgRestore = await findTool('pg_restore', 0, process.env.PG_BIN_DIR);
    execFileSync(
      pgRestore,
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        `--dbname=${target.url}`,
        resolve(file),
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
  } finally {
    await target.release();
  }
  console.log(
    `restored ${resolve(file)} into ${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}`,
  );
}

main().catch((error: unknown) =>
  fail(`Restore failed: ${(error as Error).message.split('\n')[0]}`),
);
