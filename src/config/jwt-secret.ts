import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MIN_SECRET_BYTES = 32;
const SECRET_FILE = 'jwt-secret';

/**
 * Development convenience: a strong secret generated once and kept beside the embedded data, so
 * tokens from `npm run token` keep working across restarts. Never used in production.
 */
export function developmentSecret(dataDir: string): string {
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
