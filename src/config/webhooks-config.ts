import { AppConfig, AuthConfig, WebhooksConfig } from './app-config';
import { ConfigError } from './config-error';
import { MIN_SECRET_BYTES } from './jwt-secret';
import { readBool, readInt } from './parsers';

type Env = Record<string, string | undefined>;

/**
 * Webhook delivery settings. The dispatcher is off by default under NODE_ENV=test so that only
 * the tests about webhooks run it (by calling it, or by setting an interval).
 */
export function readWebhooksConfig(
  env: Env,
  nodeEnv: AppConfig['nodeEnv'],
  auth: AuthConfig,
): WebhooksConfig {
  const retryBaseMs = readInt(env, 'WEBHOOK_RETRY_BASE_MS', 5_000, 1, 3_600_000);
  const retryMaxMs = readInt(env, 'WEBHOOK_RETRY_MAX_MS', 6 * 3_600_000, 1, 7 * 86_400_000);
  if (retryMaxMs < retryBaseMs) {
    throw new ConfigError('WEBHOOK_RETRY_MAX_MS', 'must not be below WEBHOOK_RETRY_BASE_MS');
  }
  return {
    allowPrivateAddresses: readBool(env, 'WEBHOOK_ALLOW_PRIVATE', false),
    dispatchIntervalMs: readInt(
      env,
      'WEBHOOK_DISPATCH_INTERVAL_MS',
      nodeEnv === 'test' ? 0 : 1_000,
      0,
      3_600_000,
    ),
    maxAttempts: readInt(env, 'WEBHOOK_MAX_ATTEMPTS', 8, 1, 30),
    timeoutMs: readInt(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    retryBaseMs,
    retryMaxMs,
    deliveryRetentionDays: readInt(env, 'WEBHOOK_DELIVERY_RETENTION_DAYS', 30, 1, 3650),
    secretKey: readSecretKey(env, auth),
  };
}

/** A dedicated key when set; otherwise the HS256 JWT secret (a public key is no secret). */
function readSecretKey(env: Env, auth: AuthConfig): string | undefined {
  const key = env.WEBHOOK_SECRET_KEY;
  if (key) {
    if (Buffer.byteLength(key) < MIN_SECRET_BYTES) {
      throw new ConfigError(
        'WEBHOOK_SECRET_KEY',
        `must be at least ${MIN_SECRET_BYTES} bytes long`,
      );
    }
    return key;
  }
  return auth.algorithm === 'HS256' ? auth.verificationKey : undefined;
}
