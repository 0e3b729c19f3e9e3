import { ClaimMapping, JwksConfig } from './app-config';
import { ConfigError } from './config-error';
import { readInt, readText } from './parsers';

type Env = Record<string, string | undefined>;

/** Signature algorithms an identity provider's key set may serve; never a shared-secret one. */
export const KEY_SET_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The identity provider's key set, when `JWT_JWKS_URL` is set. */
export function readJwksConfig(env: Env): JwksConfig | undefined {
  const url = readText(env, 'JWT_JWKS_URL', 2000);
  if (url === undefined) return undefined;
  const cooldownSeconds = readInt(env, 'JWT_JWKS_COOLDOWN_SECONDS', 30, 1, 3600);
  const cacheMaxAgeSeconds = readInt(env, 'JWT_JWKS_CACHE_MAX_AGE_SECONDS', 600, 1, 86_400);
  if (cacheMaxAgeSeconds < cooldownSeconds) {
    throw new ConfigError(
      'JWT_JWKS_CACHE_MAX_AGE_SECONDS',
      'must not be below JWT_JWKS_COOLDOWN_SECONDS',
    );
  }
  return {
    url: readKeySetUrl(url),
    algorithms: readAlgorithms(env),
    cooldownMs: cooldownSeconds * 1000,
    cacheMaxAgeMs: cacheMaxAgeSeconds * 1000,
    timeoutMs: readInt(env, 'JWT_JWKS_TIMEOUT_MS', 5_000, 100, 60_000),
  };
}

/** Keycloak keeps roles in `realm_access.roles`, Entra ID in `roles`; the name in `name`. */
export function readClaimMapping(env: Env): ClaimMapping {
  return {
    roles: readClaimName(env, 'JWT_ROLES_CLAIM', 'roles'),
    name: readClaimName(env, 'JWT_NAME_CLAIM', 'name'),
  };
}

/** Keys fetched over plain http could be anyone's: only a loopback address may skip TLS. */
function readKeySetUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('JWT_JWKS_URL', 'must be a URL such as https://idp.example/jwks');
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !loopback) {
    throw new ConfigError('JWT_JWKS_URL', 'must be an https URL (http only on a loopback address)');
  }
  if (url.username || url.password) {
    throw new ConfigError('JWT_JWKS_URL', 'must not carry credentials');
  }
  return url.toString();
}

function readAlgorithms(env: Env): string[] {
  const raw = env.JWT_JWKS_ALGORITHMS;
  if (raw === undefined || raw.trim() === '') return ['RS256'];
  const names = raw.split(',').map((name) => name.trim());
  const allowed: readonly string[] = KEY_SET_ALGORITHMS;
  if (names.some((name) => !allowed.includes(name))) {
    throw new ConfigError(
      'JWT_JWKS_ALGORITHMS',
      `must be a comma-separated list of ${KEY_SET_ALGORITHMS.join(', ')}, got "${raw}"`,
    );
  }
  return [...new Set(names)];
}

function readClaimName(env: Env, name: string, fallback: string): string {
  const value = readText(env, name, 200) ?? fallback;
  if (value.split('.').some((segment) => segment === '')) {
    throw new ConfigError(name, `must be a claim name or a dotted path such as realm_access.roles`);
  }
  return value;
}
