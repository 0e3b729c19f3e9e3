import { readHttpConfig } from './http-config';

describe('readHttpConfig', () => {
  it('gives public routes 64 KB and every body 2,000 nodes and 32 levels by default', () => {
    expect(readHttpConfig({})).toMatchObject({
      bodyLimitBytes: 1024 * 1024,
      publicBodyLimitBytes: 64 * 1024,
      bodyMaxNodes: 2_000,
      bodyMaxDepth: 32,
    });
  });

  it('lowers the public limit with a BODY_LIMIT below it', () => {
    expect(readHttpConfig({ BODY_LIMIT: '2kb' }).publicBodyLimitBytes).toBe(2048);
  });

  it('refuses a public limit above BODY_LIMIT and shape limits out of range', () => {
    expect(() => readHttpConfig({ BODY_LIMIT: '32kb', PUBLIC_BODY_LIMIT: '64kb' })).toThrow(
      /PUBLIC_BODY_LIMIT must not be above BODY_LIMIT/,
    );
    expect(() => readHttpConfig({ BODY_MAX_DEPTH: '1' })).toThrow(/BODY_MAX_DEPTH/);
    expect(() => readHttpConfig({ BODY_MAX_NODES: 'many' })).toThrow(/BODY_MAX_NODES/);
  });

  it('reads the timeouts and refuses a headers timeout above the request timeout', () => {
    expect(readHttpConfig({})).toMatchObject({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      connectionTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1_000,
    });
    expect(() =>
      readHttpConfig({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS must not be above HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => readHttpConfig({ HTTP_MAX_CONNECTIONS: '0' })).toThrow(/HTTP_MAX_CONNECTIONS/);
  });
});
