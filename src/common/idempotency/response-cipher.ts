import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { canonicalJson } from '../hashing/canonical-json';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The database keeps only this hash of a client's key: together with the encryption below, a copy
 * of the table reveals neither the keys nor the responses (which may hold a secret shown once).
 */
export function keyHash(scope: string, key: string): string {
  return sha256Hex(`idempotency-key:${scope}:${key}`);
}

/** Tells "same request again" from "another request under the same key"; key order is irrelevant. */
export function requestHash(request: unknown): string {
  return sha256Hex(canonicalJson(request));
}

/**
 * Encrypts a response under a key derived from the idempotency key itself, so only a client that
 * still holds the key can have the response replayed. The scope is bound in as associated data.
 */
export function sealResponse(scope: string, key: string, body: unknown): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(scope, key), iv);
  cipher.setAAD(Buffer.from(scope, 'utf8'));
  const plaintext = Buffer.from(JSON.stringify(body ?? null), 'utf8');
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** Throws when the sealed bytes were altered or belong to another key or scope. */
export function openResponse<T>(scope: string, key: string, sealed: Buffer): T {
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(scope, key), iv);
  decipher.setAAD(Buffer.from(scope, 'utf8'));
  decipher.setAuthTag(tag);
  const plaintext = Buffer.concat([
    decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]);
  return JSON.parse(plaintext.toString('utf8')) as T;
}

function encryptionKey(scope: string, key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, `idempotency:${scope}`, 'response-body', 32));
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
