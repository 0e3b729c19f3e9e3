import { resolve } from 'node:path';
import type { LogLevel } from '../common/logging/pino-logger';
import { AppConfig, AuthConfig, LocalKeyAuthConfig } from './app-config';
import { readCompensationConfig } from './compensation-config';
import { ConfigError } from './config-error';
import { requireWritableDataDir } from './data-dir';
import { readJwtPublicKey } from './jwt-public-key';
import { developmentSecret, MIN_SECRET_BYTES } from './jwt-secret';
import { readHttpConfig } from './http-config';
import { readMetricsConfig } from './metrics-config';
import { readClaimMapping, readJwksConfig } from './jwks-config';
import { readEnum, readInt, readPostgresUrl } from './parsers';
import { readTokenRules } from './token-rules-config';
import { readTracingConfig } from './tracing-config';
import { readWebhooksConfig } from './webhooks-config';
import { readMailConfig } from './mail-config';
import { readDocumentsConfig } from './documents-config';

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

/** Reads and validates every setting; throws a ConfigError naming the first bad one. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = readEnum(
    env,
    'NODE_ENV',
    ['development', 'production', 'test'] as const,
    'development',
  );
  const dataDir = resolve(env.DATA_DIR || '.data');
  const databaseUrl = readPostgresUrl(env, 'DATABASE_URL');
  // Only the embedded database and the generated development secret need the folder.
  const generatesSecret =
    nodeEnv !== 'production' && !(env.JWT_SECRET || env.JWT_PUBLIC_KEY || env.JWT_JWKS_URL);
  if (!databaseUrl || generatesSecret) requireWritableDataDir(dataDir);
  const auth = readAuth(env, nodeEnv, dataDir);
  const port = readInt(env, 'PORT', 3000, 0, 65535);
  const webhooks = readWebhooksConfig(env, nodeEnv, auth);
  return {
    nodeEnv,
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    databasePoolSize: readInt(env, 'DATABASE_POOL_SIZE', 20, 1, 500),
    databasePoolTimeoutMs: readInt(env, 'DATABASE_POOL_TIMEOUT_MS', 10_000, 100, 600_000),
    dataDir,
    embeddedPostgresPort: readInt(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    auth,
    http: readHttpConfig(env),
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    policy: {
      acknowledgeBusinessDays: readInt(env, 'POLICY_ACKNOWLEDGE_BUSINESS_DAYS', 2, 1, 60),
      frontlineResponseBusinessDays: readInt(
        env,
        'POLICY_FRONTLINE_RESPONSE_BUSINESS_DAYS',
        15,
        1,
        120,
      ),
      outcomeCalendarDays: readInt(env, 'POLICY_OUTCOME_DAYS', 90, 1, 365),
      decisionAnswerDays: readInt(env, 'POLICY_DECISION_ANSWER_DAYS', 30, 1, 365),
      remedyPaymentDays: readInt(env, 'POLICY_REMEDY_PAYMENT_DAYS', 28, 1, 365),
      informationRequestDays: readInt(env, 'POLICY_INFORMATION_REQUEST_DAYS', 14, 1, 365),
      escalationTimeLimitMonths: readInt(env, 'POLICY_ESCALATION_TIME_LIMIT_MONTHS', 6, 1, 120),
    },
    compensation: readCompensationConfig(env),
    sla: {
      sweepIntervalMs: readInt(
        env,
        'SLA_SWEEP_INTERVAL_MS',
        nodeEnv === 'test' ? 0 : 60_000,
        0,
        86_400_000,
      ),
      sweepBatchSize: readInt(env, 'SLA_SWEEP_BATCH_SIZE', 1_000, 1, 10_000),
      policyCacheMs: readInt(env, 'SLA_POLICY_CACHE_MS', 5_000, 0, 3_600_000),
    },
    webhooks,
    mail: readMailConfig(env, nodeEnv, port, webhooks),
    documents: readDocumentsConfig(env, auth),
    metrics: readMetricsConfig(env),
    tracing: readTracingConfig(env),
  };
}

/**
 * The identity provider's key set wins over a public key, which wins over a secret: a setting
 * left over from local development never opens a second way in beside the IdP.
 */
function readAuth(env: Env, nodeEnv: AppConfig['nodeEnv'], dataDir: string): AuthConfig {
  const rules = { tokenRules: readTokenRules(env), claims: readClaimMapping(env) };
  const jwks = readJwksConfig(env);
  if (jwks) return { algorithm: 'JWKS', jwks, ...rules };
  return { ...readVerificationKey(env, nodeEnv, dataDir), ...rules };
}

function readVerificationKey(
  env: Env,
  nodeEnv: AppConfig['nodeEnv'],
  dataDir: string,
): Omit<LocalKeyAuthConfig, 'tokenRules' | 'claims'> {
  const publicKey = env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n');
  if (publicKey) {
    return {
      algorithm: 'RS256',
      verificationKey: readJwtPublicKey(publicKey),
      secretSource: 'public-key',
    };
  }
  const secret = env.JWT_SECRET;
  if (secret) {
    if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
      throw new ConfigError('JWT_SECRET', `must be at least ${MIN_SECRET_BYTES} bytes long`);
    }
    return { algorithm: 'HS256', verificationKey: secret, secretSource: 'environment' };
  }
  if (nodeEnv === 'production') {
    throw new ConfigError(
      'JWT_SECRET',
      'is required in production (or set JWT_PUBLIC_KEY or JWT_JWKS_URL)',
    );
  }
  return {
    algorithm: 'HS256',
    verificationKey: developmentSecret(dataDir),
    secretSource: 'generated',
  };
}
