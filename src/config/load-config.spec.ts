import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, LocalKeyAuthConfig } from './app-config';
import { loadConfig } from './load-config';

const SECRET = 'a-secret-that-is-at-least-thirty-two-bytes';

function localKey(config: AppConfig): LocalKeyAuthConfig {
  if (config.auth.algorithm === 'JWKS') throw new Error('expected a key of our own');
  return config.auth;
}

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
      http: {
        bodyLimitBytes: 1024 * 1024,
        importBodyLimitBytes: 16 * 1024 * 1024,
        rateLimitPerMinute: 30,
        caseTokenFailuresPerHour: 10,
        trustProxy: false,
      },
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
    expect(localKey(first).secretSource).toBe('generated');
    expect(localKey(first).verificationKey).toBe(localKey(second).verificationKey);
    expect(Buffer.byteLength(localKey(first).verificationKey)).toBeGreaterThanOrEqual(32);
    const file = join(dataDir, 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(localKey(first).verificationKey);
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

  describe('JWT_PUBLIC_KEY', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spki = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const failure = (value: string): string => {
      try {
        loadConfig({ JWT_PUBLIC_KEY: value });
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };

    it('switches to RS256 with a valid RSA public key, given with \\n escapes as env files do', () => {
      const auth = localKey(loadConfig({ JWT_PUBLIC_KEY: spki.replace(/\n/g, '\\n') }));
      expect(auth).toMatchObject({ algorithm: 'RS256', secretSource: 'public-key' });
      expect(auth.verificationKey).toBe(spki);
    });

    it('takes an RSA key in PKCS#1 form too, and verifies with it as SPKI', () => {
      const pkcs1 = rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
      expect(pkcs1).toContain('BEGIN RSA PUBLIC KEY');
      expect(localKey(loadConfig({ JWT_PUBLIC_KEY: pkcs1 })).verificationKey).toBe(spki);
    });

    it('refuses a PEM header around garbage, naming the setting on one line', () => {
      const message = failure('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----');
      expect(message).toMatch(/^Invalid configuration: JWT_PUBLIC_KEY must be an RSA public key/);
      expect(message).not.toContain('\n');
    });

    it('refuses an elliptic-curve key, which cannot verify RS256', () => {
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const pem = ec.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      expect(failure(pem)).toMatch(/JWT_PUBLIC_KEY must be an RSA public key .*\bec key/);
    });

    it('refuses a private key put where the public one belongs', () => {
      const pem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      expect(failure(pem)).toMatch(/JWT_PUBLIC_KEY holds a private key/);
    });

    it('refuses an RSA key too short for RS256', () => {
      const short = generateKeyPairSync('rsa', { modulusLength: 1024 });
      const pem = short.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      expect(failure(pem)).toMatch(/JWT_PUBLIC_KEY must be an RSA key of at least 2048 bits/);
    });
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between 0 and 65535/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must start with postgres/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL must be a URL/],
    ['RATE_LIMIT_PER_MINUTE', '0', /RATE_LIMIT_PER_MINUTE must be between/],
    ['CASE_TOKEN_FAILURES_PER_HOUR', '0', /CASE_TOKEN_FAILURES_PER_HOUR must be between/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['BODY_LIMIT', 'huge', /BODY_LIMIT must be a size/],
    ['IMPORT_BODY_LIMIT', '500mb', /IMPORT_BODY_LIMIT must be between/],
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
