/**
 * Restores a backup made by `npm run backup` (README.md, "Backup and restore"):
 * npm run restore -- FILE. Into an empty data folder (DATA_DIR with no cluster yet: a new
 * embedded cluster is made), or into the empty database DATABASE_URL names. Never over data.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config/load-config';
import { fail, findTool, serviceDatabase } from './pg-tools';

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

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || !existsSync(file)) fail('Give the backup file: npm run restore -- FILE');
  const config = loadConfig(process.env);
  if (!config.databaseUrl) {
    const dir = config.dataDir;
    if (existsSync(join(dir, 'pg', 'PG_VERSION')) || existsSync(join(dir, 'pg-location')))
      fail(
        `DATA_DIR (${dir}) already holds a database: restore into an empty data folder (set DATA_DIR to a new one), never over data`,
      );
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
