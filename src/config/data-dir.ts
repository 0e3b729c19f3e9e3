import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config-error';

/**
 * DATA_DIR holds the embedded cluster (or where it lives) and the development secret: find out at
 * once whether it can be written, rather than failing later inside PostgreSQL or a token script.
 */
export function requireWritableDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = join(dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(
      'DATA_DIR',
      `(${dataDir}) cannot be created or written (${code}): set DATA_DIR to a folder you can write`,
    );
  }
}
