import { HttpConfig } from './app-config';
import { ConfigError } from './config-error';
import { readBool, readInt, readSize } from './parsers';

type Env = Record<string, string | undefined>;

/** The HTTP edge: body sizes and shapes, the public rate limit, proxies. */
export function readHttpConfig(env: Env): HttpConfig {
  const bodyLimitBytes = readSize(env, 'BODY_LIMIT', 1024 * 1024);
  // A small BODY_LIMIT lowers the public default with it; a public limit set above it is an error.
  const publicBodyLimitBytes = readSize(
    env,
    'PUBLIC_BODY_LIMIT',
    Math.min(64 * 1024, bodyLimitBytes),
  );
  if (publicBodyLimitBytes > bodyLimitBytes) {
    throw new ConfigError('PUBLIC_BODY_LIMIT', 'must not be above BODY_LIMIT');
  }
  return {
    bodyLimitBytes,
    publicBodyLimitBytes,
    bodyMaxNodes: readInt(env, 'BODY_MAX_NODES', 2_000, 10, 1_000_000),
    bodyMaxDepth: readInt(env, 'BODY_MAX_DEPTH', 32, 2, 1_000),
    rateLimitPerMinute: readInt(env, 'RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000),
    trustProxy: readBool(env, 'TRUST_PROXY', false),
  };
}
