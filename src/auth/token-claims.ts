import { TokenRules } from '../config/app-config';

/** The claims of a staff token this service reads; anything else in it is ignored. */
export interface StaffClaims {
  readonly sub?: unknown;
  readonly roles?: unknown;
  readonly name?: unknown;
  readonly exp?: unknown;
  readonly iat?: unknown;
  readonly iss?: unknown;
  readonly aud?: unknown;
}

/**
 * Why the claims of a correctly signed, unexpired token are still refused, or null. The signature,
 * `exp` and `nbf` are the library's to check (with the same tolerance); these are the rules it
 * leaves to us: a bounded lifetime (a token without `iat` could claim any), an `iat` that is not
 * in the future, and the issuer and audience when configured.
 */
export function claimsRefusal(
  claims: StaffClaims,
  rules: TokenRules,
  nowSeconds: number,
): string | null {
  const { exp, iat } = claims;
  if (!isTime(exp)) return 'The token must carry an expiry (exp)';
  if (!isTime(iat)) return 'The token must say when it was issued (iat)';
  if (iat > nowSeconds + rules.clockToleranceSeconds) {
    return 'The token was issued in the future (iat): check the clock of its issuer';
  }
  if (exp - iat > rules.maxLifetimeSeconds) {
    return `The token may live at most ${rules.maxLifetimeSeconds} seconds (exp − iat)`;
  }
  if (rules.issuer !== undefined && claims.iss !== rules.issuer) {
    return 'The token was not issued by the expected issuer (iss)';
  }
  if (rules.audience !== undefined && !audiences(claims.aud).includes(rules.audience)) {
    return 'The token is meant for another audience (aud)';
  }
  return null;
}

/** JWS headers this service understands when a token marks them critical: none. */
export function headerRefusal(header: object): string | null {
  return 'crit' in header
    ? 'The token marks header extensions critical that this service does not support (crit)'
    : null;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function audiences(aud: unknown): unknown[] {
  return Array.isArray(aud) ? aud : [aud];
}
