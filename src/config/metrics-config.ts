import { MetricsConfig } from './app-config';
import { ConfigError } from './config-error';
import { readInt } from './parsers';

type Env = Record<string, string | undefined>;

const MIN_TOKEN_LENGTH = 32;

/** `GET /metrics`: a bearer token when one is set, otherwise loopback only; the scrape cache. */
export function readMetricsConfig(env: Env): MetricsConfig {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && (token.length < MIN_TOKEN_LENGTH || /\s/.test(token))) {
    throw new ConfigError(
      'METRICS_TOKEN',
      `must be at least ${MIN_TOKEN_LENGTH} characters without spaces`,
    );
  }
  return { token, cacheMs: readInt(env, 'METRICS_CACHE_MS', 5_000, 0, 300_000) };
}
