import { readTokenRules } from './token-rules-config';

describe('staff token rules', () => {
  it('bounds a token to 12 hours, allows 30 seconds of clock skew and checks no iss or aud', () => {
    expect(readTokenRules({})).toEqual({
      issuer: undefined,
      audience: undefined,
      maxLifetimeSeconds: 43_200,
      clockToleranceSeconds: 30,
    });
  });

  it('reads the issuer, audience, lifetime and tolerance', () => {
    expect(
      readTokenRules({
        JWT_ISSUER: 'https://idp.example/realms/office',
        JWT_AUDIENCE: 'ombudsman-api',
        JWT_MAX_LIFETIME_SECONDS: '3600',
        JWT_CLOCK_TOLERANCE_SECONDS: '0',
      }),
    ).toEqual({
      issuer: 'https://idp.example/realms/office',
      audience: 'ombudsman-api',
      maxLifetimeSeconds: 3600,
      clockToleranceSeconds: 0,
    });
  });

  it.each([
    [{ JWT_MAX_LIFETIME_SECONDS: '30' }, 'JWT_MAX_LIFETIME_SECONDS'],
    [{ JWT_MAX_LIFETIME_SECONDS: '1e6' }, 'JWT_MAX_LIFETIME_SECONDS'],
    [{ JWT_CLOCK_TOLERANCE_SECONDS: '3600' }, 'JWT_CLOCK_TOLERANCE_SECONDS'],
    [
      { JWT_MAX_LIFETIME_SECONDS: '60', JWT_CLOCK_TOLERANCE_SECONDS: '60' },
      'JWT_CLOCK_TOLERANCE_SECONDS',
    ],
    [{ JWT_ISSUER: ' https://idp.example' }, 'JWT_ISSUER'],
    [{ JWT_AUDIENCE: 'a\nb' }, 'JWT_AUDIENCE'],
    [{ JWT_AUDIENCE: 'x'.repeat(501) }, 'JWT_AUDIENCE'],
  ])('refuses %j naming %s', (env, setting) => {
    expect(() => readTokenRules(env)).toThrow(new RegExp(`^Invalid configuration: ${setting} `));
  });
});
