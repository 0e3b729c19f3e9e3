import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Subscription secrets must be recoverable (the dispatcher signs with them) but must not sit in
 * clear in the database: AES-256-GCM under a key derived from the configured key, bound to the
 * subscription id so a sealed secret cannot be moved to another subscription. The idempotency
 * response cipher derives its key from the client's key instead, so it does not fit here.
 */
export function sealSecret(masterKey: string, subscriptionId: string, secret: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', derivedKey(masterKey), iv);
  cipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

/** Throws when the bytes were altered, belong to another subscription, or the key changed. */
export function openSecret(masterKey: string, subscriptionId: string, sealed: Buffer): string {
  const decipher = createDecipheriv(
    'aes-256-gcm',
    derivedKey(masterKey),
    sealed.subarray(0, IV_BYTES),
  );
  decipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([
    decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}

function derivedKey(masterKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, 'webhook-subscription', 'secret-at-rest', 32));
}
