import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresBinaries, postgresExecutable } from './postgres-binaries';
import { accountCan, ServerAccount } from './postgres-user';

/** Where the server's binaries and cluster are, and which of them had to move. */
export interface PostgresPlacement {
  readonly binariesHome: string;
  readonly clusterDir: string;
  /** Set when the binaries or the cluster live outside the project (root in a private folder). */
  readonly relocatedTo?: string;
}

/** Folders tried, in order, for what the `postgres` account cannot reach inside the project. */
const RUNTIME_HOMES = ['/var/lib/ombudsman-postgres', join(tmpdir(), 'ombudsman-postgres')];

/**
 * An ordinary user runs PostgreSQL as themselves: everything stays under DATA_DIR. As root the
 * server runs as `postgres`, which cannot enter a private folder (root's home, a `mktemp -d`):
 * then the binaries are copied once per version, and the cluster is kept, in a folder that account
 * can reach. The cluster's folder is named after DATA_DIR's real path, so every start of the same
 * project finds the same data. Nothing outside the project changes its permissions.
 */
export function placePostgres(
  binaries: PostgresBinaries,
  dataDir: string,
  account: ServerAccount | undefined,
): PostgresPlacement {
  const inProject = join(dataDir, 'pg');
  if (!account) return { binariesHome: binaries.home, clusterDir: inProject };

  const binariesReachable = accountCan(
    account,
    '-x',
    postgresExecutable(binaries.home, 'postgres'),
  );
  const dataReachable = accountCan(account, '-x', dataDir);
  if (binariesReachable && dataReachable)
    return { binariesHome: binaries.home, clusterDir: inProject };

  const runtimeHome = reachableRuntimeHome(account);
  const binariesHome = binariesReachable
    ? binaries.home
    : copyBinaries(binaries, join(runtimeHome, `postgresql-${binaries.version}`));
  const clusterDir = dataReachable ? inProject : clusterOutsideProject(runtimeHome, dataDir);
  return { binariesHome, clusterDir, relocatedTo: runtimeHome };
}

function reachableRuntimeHome(account: ServerAccount): string {
  for (const home of RUNTIME_HOMES) {
    try {
      mkdirSync(home, { recursive: true, mode: 0o755 });
      chmodSync(home, 0o755);
      if (accountCan(account, '-x', home)) return home;
    } catch {
      // not writable here: try the next place
    }
  }
  throw new Error(
    `the "postgres" account cannot reach the project folder, and none of ${RUNTIME_HOMES.join(', ')} ` +
      'could be prepared for it: set DATABASE_URL to a PostgreSQL of your own, or run as an ordinary user.',
  );
}

/** Copied into a temporary name and renamed, so concurrent starts never see half a copy. */
function copyBinaries(binaries: PostgresBinaries, target: string): string {
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  const staging = mkdtempSync(`${target}.partial-`);
  try {
    cpSync(binaries.home, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another start may have finished the same copy first.
    if (!existsSync(join(target, 'bin', 'postgres'))) throw error;
  }
  return target;
}

function clusterOutsideProject(runtimeHome: string, dataDir: string): string {
  const source = realpathSync(dataDir);
  const key = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const clusters = join(runtimeHome, 'clusters');
  mkdirSync(clusters, { recursive: true, mode: 0o755 });
  // For whoever looks in the folder: which project each cluster belongs to.
  writeFileSync(join(clusters, `${key}.source`), `${source}\n`);
  const clusterDir = join(clusters, key);
  writeFileSync(
    join(dataDir, 'pg-location'),
    `The embedded PostgreSQL cluster of this folder lives in ${clusterDir}\n` +
      '(the postgres account cannot enter this folder; see README.md, "Running as root").\n',
  );
  return clusterDir;
}

/** The cluster folder must belong to the account that runs the server, mode 700. */
export function prepareClusterDir(clusterDir: string, account: ServerAccount | undefined): void {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (account) chownSync(clusterDir, account.uid, account.gid);
  chmodSync(clusterDir, 0o700);
}
