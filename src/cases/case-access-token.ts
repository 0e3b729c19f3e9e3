import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url: shown to the customer once, stored only as its SHA-256. */
export function newAccessToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashAccessToken(token) };
}

export function hashAccessToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time comparison of a presented token with a stored hash. */
export function accessTokenMatches(presented: string, storedHash: Buffer): boolean {
  const presentedHash = hashAccessToken(presented);
  return storedHash.length === presentedHash.length && timingSafeEqual(presentedHash, storedHash);
}
