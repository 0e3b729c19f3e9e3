import { AuthConfig, DocumentsConfig, S3StoreConfig } from './app-config';
import { ConfigError } from './config-error';
import { MIN_SECRET_BYTES } from './jwt-secret';
import { readBool, readEnum, readInt, readText } from './parsers';

type Env = Record<string, string | undefined>;

const MB = 1024 * 1024;

/**
 * Evidence on a case: where files are kept, how large and how many they may be, and the key that
 * encrypts them at rest (like webhook secrets: a dedicated key, else the HS256 JWT secret).
 */
export function readDocumentsConfig(env: Env, auth: AuthConfig): DocumentsConfig {
  const store = readEnum(env, 'DOCUMENT_STORE', ['postgres', 's3'] as const, 'postgres');
  return {
    store,
    maxBytes: readInt(env, 'DOCUMENT_MAX_BYTES', 25 * MB, 1, 1024 * MB),
    maxPerCase: readInt(env, 'DOCUMENT_MAX_PER_CASE', 100, 1, 100_000),
    partyAccessDaysAfterClosure: readInt(env, 'DOCUMENT_PARTY_ACCESS_DAYS', 365, 0, 36_500),
    masterKey: readMasterKey(env, auth),
    s3: store === 's3' ? readS3(env) : undefined,
  };
}

function readMasterKey(env: Env, auth: AuthConfig): string | undefined {
  const key = env.DOCUMENT_MASTER_KEY;
  if (key) {
    if (Buffer.byteLength(key) < MIN_SECRET_BYTES) {
      throw new ConfigError(
        'DOCUMENT_MASTER_KEY',
        `must be at least ${MIN_SECRET_BYTES} bytes long`,
      );
    }
    return key;
  }
  return auth.algorithm === 'HS256' ? auth.verificationKey : undefined;
}

function readS3(env: Env): S3StoreConfig {
  const bucket = readText(env, 'DOCUMENT_S3_BUCKET', 63);
  if (!bucket) throw new ConfigError('DOCUMENT_S3_BUCKET', 'is required with DOCUMENT_STORE=s3');
  const endpoint = readText(env, 'DOCUMENT_S3_ENDPOINT', 2000);
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw new ConfigError('DOCUMENT_S3_ENDPOINT', `must be an http(s) URL, got "${endpoint}"`);
  }
  const accessKeyId = readText(env, 'DOCUMENT_S3_ACCESS_KEY_ID', 200);
  const secretAccessKey = readText(env, 'DOCUMENT_S3_SECRET_ACCESS_KEY', 200);
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError(
      accessKeyId ? 'DOCUMENT_S3_SECRET_ACCESS_KEY' : 'DOCUMENT_S3_ACCESS_KEY_ID',
      'must be set together with its pair (or neither, for the SDK’s default credentials)',
    );
  }
  return {
    bucket,
    endpoint,
    region: readText(env, 'DOCUMENT_S3_REGION', 50) ?? 'us-east-1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: readBool(env, 'DOCUMENT_S3_FORCE_PATH_STYLE', endpoint !== undefined),
  };
}
