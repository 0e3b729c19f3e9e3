import { seal, unseal } from '../../common/crypto/sealed-box';

const WEBHOOK_SECRET = { salt: 'webhook-subscription', info: 'secret-at-rest' };

/**
 * Subscription secrets must be recoverable (the dispatcher signs with them) but must not sit in
 * clear in the database: sealed under WEBHOOK_SECRET_KEY and bound to the subscription id. The
 * idempotency response cipher derives its key from the client's key instead, so it does not fit.
 */
export function sealSecret(masterKey: string, subscriptionId: string, secret: string): Buffer {
  return seal(masterKey, WEBHOOK_SECRET, subscriptionId, Buffer.from(secret, 'utf8'));
}

/** Throws when the bytes were altered, belong to another subscription, or the key changed. */
export function openSecret(masterKey: string, subscriptionId: string, sealed: Buffer): string {
  return unseal(masterKey, WEBHOOK_SECRET, subscriptionId, sealed).toString('utf8');
}
