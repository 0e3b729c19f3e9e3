import { readMetricsConfig } from './metrics-config';

describe('the metrics settings', () => {
  it('serve loopback only with a 5 s cache unless told otherwise', () => {
    expect(readMetricsConfig({})).toEqual({ token: undefined, cacheMs: 5_000 });
  });

  it('take a long bearer token and refuse a short one', () => {
    const token = 'p'.repeat(32);
    expect(readMetricsConfig({ METRICS_TOKEN: token, METRICS_CACHE_MS: '0' })).toEqual({
      token,
      cacheMs: 0,
    });
    expect(() => readMetricsConfig({ METRICS_TOKEN: 'short' })).toThrow(
      /^Invalid configuration: METRICS_TOKEN /,
    );
  });
});
