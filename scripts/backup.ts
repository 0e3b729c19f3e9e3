/**
 * A backup of the service's database (README.md, "Backup and restore"):
 * npm run backup [-- --out FILE] [-- --base]. The embedded default under DATA_DIR, whether the
 * service runs or not, or DATABASE_URL. A pg_dump custom-format file when a pg_dump of the
 * server's version is at hand; for the embedded default without one (its package ships none),
 * or with --base, a base backup made by the embedded server itself (scripts/base-backup.ts).
 * Prints the file's path and its kind.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load-config';
import { writeBaseBackup } from './base-backup';
import { fail, locateTool, missingTool, serverMajor, serviceDatabase } from './pg-tools';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, base: { type: 'boolean', default: false } },
  });
  const config = loadConfig(process.env);
  const target = await serviceDatabase(config);
  try {
    const major = await serverMajor(target.url);
    const pgDump = values.base
      ? { file: undefined, seen: [] }
      : await locateTool('pg_dump', major, process.env.PG_BIN_DIR);
    if (!pgDump.file && !target.clusterDir) {
      if (values.base)
        fail('--base backs up the embedded default only: for DATABASE_URL, pg_dump is the way');
      missingTool('pg_dump', major, pgDump.seen);
    }
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
    const name = `ombudsman-${stamp}.${pgDump.file ? 'dump' : 'base.tar.gz'}`;
    const out = resolve(values.out ?? join(config.dataDir, 'backups', name));
    mkdirSync(dirname(out), { recursive: true });
    if (pgDump.file) {
      execFileSync(
        pgDump.file,
        [
          '--format=custom',
          '--no-owner',
          '--no-privileges',
          `--file=${out}`,
          `--dbname=${target.url}`,
        ],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
      console.log(`backup written: ${out} (pg_dump custom format, ${statSync(out).size} bytes)`);
    } else {
      const report = await writeBaseBackup(target.url, target.clusterDir as string, out);
      console.log(
        `backup written: ${out} (base backup of the embedded PostgreSQL ${major}: ` +
          `${report.files} files, ${report.walSegments} WAL segments, ${statSync(out).size} bytes)`,
      );
    }
  } finally {
    await target.release();
  }
}

main().catch((error: unknown) => fail(`Backup failed: ${(error as Error).message.split('\n')[0]}`));
