import fc from 'fast-check';
import { TokenRules } from '../config/app-config';
import { claimsRefusal, headerRefusal } from './token-claims';

const NOW = 1_800_000_000;
const RULES: TokenRules = { maxLifetimeSeconds: 12 * 3600, clockToleranceSeconds: 30 };
const valid = { sub: 'alice', roles: ['ombudsman'], iat: NOW - 60, exp: NOW + 3600 };

describe('the claims of a staff token', () => {
  it('accepts a token issued a minute ago for an hour', () => {
    expect(claimsRefusal(valid, RULES, NOW)).toBeNull();
  });

  it('refuses a token without iat', () => {
    expect(claimsRefusal({ ...valid, iat: undefined }, RULES, NOW)).toMatch(/\(iat\)/);
    expect(claimsRefusal({ ...valid, iat: '1800000000' }, RULES, NOW)).toMatch(/\(iat\)/);
  });

  it('refuses a token without exp', () => {
    expect(claimsRefusal({ ...valid, exp: undefined }, RULES, NOW)).toMatch(/\(exp\)/);
  });

  it('accepts exactly the lifetime and tolerance it allows, and refuses one second more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 7 * 86_400 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: -86_400, max: 86_400 }),
        (maxLifetimeSeconds, clockToleranceSeconds, offset) => {
          const rules = { maxLifetimeSeconds, clockToleranceSeconds };
          const iat = NOW + offset;
          const longest = { ...valid, iat, exp: iat + maxLifetimeSeconds };
          const inFuture = offset > clockToleranceSeconds;
          expect(claimsRefusal(longest, rules, NOW) === null).toBe(!inFuture);
          expect(claimsRefusal({ ...longest, exp: longest.exp + 1 }, rules, NOW)).not.toBeNull();
        },
      ),
    );
  });

  it('refuses a token issued in the future beyond the tolerance', () => {
    expect(claimsRefusal({ ...valid, iat: NOW + 30 }, RULES, NOW)).toBeNull();
    expect(claimsRefusal({ ...valid, iat: NOW + 31 }, RULES, NOW)).toMatch(/future/);
  });

  it('checks the issuer and audience only when configured', () => {
    const rules = { ...RULES, issuer: 'https://idp.example', audience: 'ombudsman' };
    const ours = { ...valid, iss: 'https://idp.example', aud: 'ombudsman' };
    expect(claimsRefusal(ours, rules, NOW)).toBeNull();
    expect(claimsRefusal({ ...ours, aud: ['crm', 'ombudsman'] }, rules, NOW)).toBeNull();
    expect(claimsRefusal({ ...ours, iss: 'https://evil.example' }, rules, NOW)).toMatch(/\(iss\)/);
    expect(claimsRefusal({ ...ours, iss: undefined }, rules, NOW)).toMatch(/\(iss\)/);
    expect(claimsRefusal({ ...ours, aud: 'crm' }, rules, NOW)).toMatch(/\(aud\)/);
    expect(claimsRefusal({ ...ours, aud: undefined }, rules, NOW)).toMatch(/\(aud\)/);
    expect(claimsRefusal({ ...valid, iss: 'anyone', aud: 'anything' }, RULES, NOW)).toBeNull();
  });

  it('refuses any critical header extension, and nothing else in the header', () => {
    expect(headerRefusal({ alg: 'HS256', typ: 'JWT', kid: 'k1' })).toBeNull();
    expect(headerRefusal({ alg: 'HS256', crit: ['exp'] })).toMatch(/crit/);
    expect(headerRefusal({ alg: 'HS256', crit: [] })).toMatch(/crit/);
  });
});
