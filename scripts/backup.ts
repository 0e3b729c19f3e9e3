/**
 * A backup of the service's database as a pg_dump custom-format file (README.md, "Backup and
 * restore"): npm run backup [-- --out FILE]. The embedded default under DATA_DIR, whether the
 * service runs or not, or DATABASE_URL. Prints the file's path.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load-config';
import { fail, findTool, serverMajor, serviceDatabase } from './pg-tools';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig(process.env);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
  const out = resolve(values.out ?? join(config.dataDir, 'backups', `ombudsman-${stamp}.dump`));
  mkdirSync(dirname(out), { recursive: true });
  const target = await serviceDatabase(config);
  try {
    const pgDump = await findTool('pg_dump', await serverMajor(target.url), process.env.PG_BIN_DIR);
    execFileSync(
      pgDump,
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${out}`,
        `--dbname=${target.url}`,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
  } finally {
    await target.release();
  }
  console.log(`backup written: ${out} (${statSync(out).size} bytes)`);
}

main().catch((error: unknown) => fail(`Backup failed: ${(error as Error).message.split('\n')[0]}`));
