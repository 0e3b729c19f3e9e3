import { execFileSync, spawnSync } from 'node:child_process';

/** The unprivileged account PostgreSQL runs as when the service runs as root. */
export interface ServerAccount {
  readonly uid: number;
  readonly gid: number;
  readonly name: string;
}

const ACCOUNT = 'postgres';

function idOf(flag: '-u' | '-g'): number | undefined {
  const result = spawnSync('id', [flag, ACCOUNT], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

/**
 * PostgreSQL refuses to run as root. As root we run it as `postgres`, creating that system
 * account (no login, no home) the first time, as Debian's own package would.
 */
export function serverAccountFor(processUid: number): ServerAccount | undefined {
  if (processUid !== 0) return undefined;
  if (idOf('-u') === undefined) {
    try {
      execFileSync('groupadd', ['--system', '-f', ACCOUNT], { stdio: 'pipe' });
      execFileSync(
        'useradd',
        ['--system', '--gid', ACCOUNT, '--no-create-home', '--shell', '/usr/sbin/nologin', ACCOUNT],
        { stdio: 'pipe' },
      );
    } catch (error) {
      throw new Error(
        `running as root, the embedded PostgreSQL needs a "${ACCOUNT}" account and creating it failed ` +
          `(${(error as Error).message.split('\n')[0]}): create it with useradd --system ${ACCOUNT}, ` +
          'or run as an ordinary user.',
      );
    }
  }
  const uid = idOf('-u');
  const gid = idOf('-g');
  if (uid === undefined || gid === undefined)
    throw new Error(`the "${ACCOUNT}" account has no uid/gid: check /etc/passwd`);
  return { uid, gid, name: ACCOUNT };
}

/**
 * Asks the kernel, as the server's account, whether it may do `test <flag> path`: the only honest
 * answer (modes, ACLs, mount options, every parent folder) is the one the account itself gets.
 */
export function accountCan(account: ServerAccount, flag: '-x' | '-w', path: string): boolean {
  const result = spawnSync('/bin/sh', ['-c', `test ${flag} "$1"`, 'sh', path], {
    uid: account.uid,
    gid: account.gid,
    stdio: 'ignore',
  });
  return result.status === 0;
}
