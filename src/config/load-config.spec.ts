import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load-config';

const SECRET = 'a-secret-that-is-at-least-thirty-two-bytes';

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'config-spec-'));
}

describe('loadConfig', () => {
  it('runs with no configuration at all, on the defaults', () => {
    const config = loadConfig({ DATA_DIR: freshDir() });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      logLevel: 'info',
      http: { bodyLimitBytes: 1024 * 1024, rateLimitPerMinute: 30, trustProxy: false },
      policy: {
        acknowledgeBusinessDays: 2,
        frontlineResponseBusinessDays: 15,
        outcomeCalendarDays: 90,
      },
    });
  });

  it('generates a development secret once and keeps it under the data folder', () => {
    const dataDir = freshDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.auth.secretSource).toBe('generated');
    expect(first.auth.verificationKey).toBe(second.auth.verificationKey);
    expect(Buffer.byteLength(first.auth.verificationKey)).toBeGreaterThanOrEqual(32);
    const file = join(dataDir, 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.auth.verificationKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to start in production without a secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: freshDir() })).toThrow(
      /^Invalid configuration: JWT_SECRET is required in production/,
    );
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET must be at least 32/,
    );
  });

  it('accepts a production secret of 32 bytes or more', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).auth).toMatchObject({
      algorithm: 'HS256',
      secretSource: 'environment',
    });
  });

  it('switches to RS256 when a public key is configured', () => {
    const pem = '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----';
    expect(loadConfig({ JWT_PUBLIC_KEY: pem }).auth.algorithm).toBe('RS256');
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between 0 and 65535/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must start with postgres/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL must be a URL/],
    ['RATE_LIMIT_PER_MINUTE', '0', /RATE_LIMIT_PER_MINUTE must be between/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['BODY_LIMIT', 'huge', /BODY_LIMIT must be a size/],
    ['TRUST_PROXY', 'maybe', /TRUST_PROXY must be true or false/],
    ['NODE_ENV', 'staging', /NODE_ENV must be one of/],
    ['JWT_PUBLIC_KEY', 'not-a-key', /JWT_PUBLIC_KEY must be an RSA public key/],
    ['POLICY_OUTCOME_DAYS', '-3', /POLICY_OUTCOME_DAYS must be a whole number/],
  ])('names %s when its value %p is bad, in one line', (name, value, message) => {
    let error: Error | undefined;
    try {
      loadConfig({ DATA_DIR: freshDir(), JWT_SECRET: SECRET, [name]: value });
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
  });

  it('reads sizes with units', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, BODY_LIMIT: '512kb' }).http.bodyLimitBytes).toBe(
      512 * 1024,
    );
  });
});
