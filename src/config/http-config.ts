import { HttpConfig } from './app-config';
import { ConfigError } from './config-error';
import { readBool, readInt, readSize } from './parsers';

type Env = Record<string, string | undefined>;

/** The HTTP edge: body sizes and shapes, timeouts, connections, the public rate limit, proxies. */
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
    ...readTimeouts(env),
    maxConnections: readInt(env, 'HTTP_MAX_CONNECTIONS', 1_000, 1, 1_000_000),
    rateLimitPerMinute: readInt(env, 'RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000),
    caseTokenFailuresPerHour: readInt(env, 'CASE_TOKEN_FAILURES_PER_HOUR', 10, 1, 1_000_000),
    trustProxy: readBool(env, 'TRUST_PROXY', false),
  };
}

type Timeouts = Pick<
  HttpConfig,
  'requestTimeoutMs' | 'headersTimeoutMs' | 'connectionTimeoutMs' | 'keepAliveTimeoutMs'
>;

/** Slow clients are cut: headers, then the whole request, then any silence on the connection. */
function readTimeouts(env: Env): Timeouts {
  const requestTimeoutMs = readInt(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000);
  const headersTimeoutMs = readInt(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS', 'must not be above HTTP_REQUEST_TIMEOUT_MS');
  }
  return {
    requestTimeoutMs,
    headersTimeoutMs,
    connectionTimeoutMs: readInt(env, 'HTTP_CONNECTION_TIMEOUT_MS', 30_000, 100, 600_000),
    keepAliveTimeoutMs: readInt(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
  };
}
