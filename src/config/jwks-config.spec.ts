import { loadConfig } from './load-config';
import { readClaimMapping, readJwksConfig } from './jwks-config';

describe("the identity provider's key set", () => {
  it('is off unless JWT_JWKS_URL is set', () => {
    expect(readJwksConfig({})).toBeUndefined();
  });

  it('fetches at most every 30 s for an unknown kid and keeps a set 10 min, RS256 only', () => {
    expect(readJwksConfig({ JWT_JWKS_URL: 'https://idp.example/realms/office/certs' })).toEqual({
      url: 'https://idp.example/realms/office/certs',
      algorithms: ['RS256'],
      cooldownMs: 30_000,
      cacheMaxAgeMs: 600_000,
      timeoutMs: 5_000,
    });
  });

  it('takes over from a secret and a public key in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_JWKS_URL: 'https://login.example/discovery/v2.0/keys',
      JWT_SECRET: 'a-secret-that-is-at-least-thirty-two-bytes',
      JWT_ROLES_CLAIM: 'realm_access.roles',
      WEBHOOK_SECRET_KEY: 'another-secret-that-is-at-least-thirty-two-bytes',
    });
    expect(config.auth).toMatchObject({
      algorithm: 'JWKS',
      claims: { roles: 'realm_access.roles', name: 'name' },
    });
  });

  it('allows plain http on a loopback address only', () => {
    expect(readJwksConfig({ JWT_JWKS_URL: 'http://127.0.0.1:8080/jwks' })?.url).toBe(
      'http://127.0.0.1:8080/jwks',
    );
    expect(() => readJwksConfig({ JWT_JWKS_URL: 'http://idp.example/jwks' })).toThrow(
      /JWT_JWKS_URL must be an https URL/,
    );
  });

  it.each([
    [{ JWT_JWKS_URL: 'not a url' }, 'JWT_JWKS_URL'],
    [{ JWT_JWKS_URL: 'https://user:pw@idp.example/jwks' }, 'JWT_JWKS_URL'],
    [
      { JWT_JWKS_URL: 'https://idp.example/jwks', JWT_JWKS_ALGORITHMS: 'HS256' },
      'JWT_JWKS_ALGORITHMS',
    ],
    [
      { JWT_JWKS_URL: 'https://idp.example/jwks', JWT_JWKS_ALGORITHMS: 'none' },
      'JWT_JWKS_ALGORITHMS',
    ],
    [
      { JWT_JWKS_URL: 'https://idp.example/jwks', JWT_JWKS_COOLDOWN_SECONDS: '0' },
      'JWT_JWKS_COOLDOWN_SECONDS',
    ],
    [
      {
        JWT_JWKS_URL: 'https://idp.example/jwks',
        JWT_JWKS_COOLDOWN_SECONDS: '60',
        JWT_JWKS_CACHE_MAX_AGE_SECONDS: '30',
      },
      'JWT_JWKS_CACHE_MAX_AGE_SECONDS',
    ],
  ])('refuses %j naming %s', (env, setting) => {
    expect(() => readJwksConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${setting} `));
  });

  it('maps roles and name to claims, top-level or a dotted path', () => {
    expect(readClaimMapping({})).toEqual({ roles: 'roles', name: 'name' });
    expect(
      readClaimMapping({
        JWT_ROLES_CLAIM: 'realm_access.roles',
        JWT_NAME_CLAIM: 'preferred_username',
      }),
    ).toEqual({ roles: 'realm_access.roles', name: 'preferred_username' });
    expect(() => readClaimMapping({ JWT_ROLES_CLAIM: 'realm_access..roles' })).toThrow(
      /JWT_ROLES_CLAIM/,
    );
  });
});
