import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The Standard Webhooks signing scheme (https://www.standardwebhooks.com): a secret is `whsec_`
 * followed by base64 of random bytes; a signature is `v1,` + base64 HMAC-SHA256, keyed with the
 * decoded bytes, over `{id}.{timestamp}.{body}`.
 */
const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

export interface SignedContent {
  /** The `Webhook-Id` header: the event id, the same on every retry. */
  readonly id: string;
  /** The `Webhook-Timestamp` header, in whole seconds since the epoch. */
  readonly timestamp: number;
  /** The exact bytes sent as the body. */
  readonly body: string;
}

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** The key bytes of a secret; a bare base64 string (no prefix) is accepted as other libraries do. */
export function webhookSecretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new Error('The webhook secret decodes to no bytes');
  return key;
}

/** The `Webhook-Signature` header value. */
export function signWebhook(secret: string, content: SignedContent): string {
  const mac = createHmac('sha256', webhookSecretKey(secret))
    .update(`${content.id}.${content.timestamp}.${content.body}`, 'utf8')
    .digest('base64');
  return `v1,${mac}`;
}

/**
 * What a receiver does: true when one of the space-separated signatures in the header matches.
 * Published for integrators' tests and our own; the comparison takes constant time.
 */
export function verifyWebhook(secret: string, content: SignedContent, header: string): boolean {
  const expected = Buffer.from(signWebhook(secret, content), 'utf8');
  return header.split(' ').some((candidate) => {
    const given = Buffer.from(candidate, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
