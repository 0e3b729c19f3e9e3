import { TokenRules } from './app-config';
import { ConfigError } from './config-error';
import { readInt, readText } from './parsers';

type Env = Record<string, string | undefined>;

const HOUR = 3600;

/** The claims staff tokens must carry beyond a signature: lifetime, clock skew, issuer, audience. */
export function readTokenRules(env: Env): TokenRules {
  const maxLifetimeSeconds = readInt(env, 'JWT_MAX_LIFETIME_SECONDS', 12 * HOUR, 60, 7 * 24 * HOUR);
  const clockToleranceSeconds = readInt(env, 'JWT_CLOCK_TOLERANCE_SECONDS', 30, 0, 300);
  if (clockToleranceSeconds >= maxLifetimeSeconds) {
    throw new ConfigError('JWT_CLOCK_TOLERANCE_SECONDS', 'must be below JWT_MAX_LIFETIME_SECONDS');
  }
  return {
    issuer: readText(env, 'JWT_ISSUER', 500),
    audience: readText(env, 'JWT_AUDIENCE', 500),
    maxLifetimeSeconds,
    clockToleranceSeconds,
  };
}
