import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a derived key is for: keys for different purposes never coincide. */
export interface KeyPurpose {
  readonly salt: string;
  readonly info: string;
}

/**
 * A small secret kept at rest under a key derived from a configured master key: AES-256-GCM,
 * bound by its associated data to the record it belongs to, so a sealed value cannot be moved to
 * another record. Layout: IV (12) ‖ tag (16) ‖ ciphertext.
 */
export function seal(
  masterKey: string,
  purpose: KeyPurpose,
  boundTo: string,
  plain: Buffer,
): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', derivedKey(masterKey, purpose), iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

/** Throws when the bytes were altered, belong to another record, or the master key changed. */
export function unseal(
  masterKey: string,
  purpose: KeyPurpose,
  boundTo: string,
  sealed: Buffer,
): Buffer {
  const decipher = createDecipheriv(
    'aes-256-gcm',
    derivedKey(masterKey, purpose),
    sealed.subarray(0, IV_BYTES),
  );
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

function derivedKey(masterKey: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, purpose.salt, purpose.info, 32));
}
