import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from './load-config';

const SECRET = 'a-secret-that-is-at-least-thirty-two-bytes';
const PEM = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

describe('webhook settings', () => {
  it('refuses private targets and dispatches every second by default', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).webhooks).toEqual({
      allowPrivateAddresses: false,
      dispatchIntervalMs: 1_000,
      maxAttempts: 8,
      timeoutMs: 10_000,
      retryBaseMs: 5_000,
      retryMaxMs: 6 * 3_600_000,
      deliveryRetentionDays: 30,
      secretKey: SECRET,
    });
  });

  it('keeps the dispatcher off under NODE_ENV=test unless an interval is set', () => {
    expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: SECRET }).webhooks.dispatchIntervalMs).toBe(
      0,
    );
    const env = { NODE_ENV: 'test', JWT_SECRET: SECRET, WEBHOOK_DISPATCH_INTERVAL_MS: '50' };
    expect(loadConfig(env).webhooks.dispatchIntervalMs).toBe(50);
  });

  it('prefers WEBHOOK_SECRET_KEY, and has no key with RS256 and none set', () => {
    const own = 'another-key-that-is-at-least-thirty-two-bytes';
    expect(loadConfig({ JWT_SECRET: SECRET, WEBHOOK_SECRET_KEY: own }).webhooks.secretKey).toBe(
      own,
    );
    expect(loadConfig({ JWT_PUBLIC_KEY: PEM }).webhooks.secretKey).toBeUndefined();
  });

  it.each([
    ['WEBHOOK_ALLOW_PRIVATE', 'perhaps', /WEBHOOK_ALLOW_PRIVATE must be true or false/],
    ['WEBHOOK_MAX_ATTEMPTS', '0', /WEBHOOK_MAX_ATTEMPTS must be between 1 and 30/],
    ['WEBHOOK_DELIVERY_RETENTION_DAYS', '0', /WEBHOOK_DELIVERY_RETENTION_DAYS must be between 1/],
    ['WEBHOOK_TIMEOUT_MS', 'soon', /WEBHOOK_TIMEOUT_MS must be a whole number/],
    ['WEBHOOK_SECRET_KEY', 'short', /WEBHOOK_SECRET_KEY must be at least 32 bytes/],
    ['WEBHOOK_RETRY_MAX_MS', '10', /WEBHOOK_RETRY_MAX_MS must not be below/],
  ])('names %s when its value %p is bad', (name, value, message) => {
    expect(() => loadConfig({ JWT_SECRET: SECRET, [name]: value })).toThrow(message);
  });
});
