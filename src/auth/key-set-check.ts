import { createRemoteJWKSet, errors, JWTVerifyGetKey, jwtVerify } from 'jose';
import { JwksConfig, TokenRules } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { SignatureCheck, SignedToken, unauthenticated } from './signature-check';

/** Errors of fetching the set itself, as opposed to a token the set cannot vouch for. */
const FETCH_FAILURES = new Set(['ERR_JOSE_GENERIC', 'ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID']);

/**
 * Tokens of the organisation's identity provider, checked with the keys it publishes. jose's
 * remote set fetches them on the first token, keeps them, and fetches again only for a `kid` it
 * does not know (at most once per cooldown, so a flood of made-up `kid`s costs one fetch) or once
 * the set is older than its maximum age; concurrent requests share one fetch. jose does not hold
 * back after a failed fetch, so this does: while the IdP does not answer, at most one attempt per
 * cooldown, and every request meanwhile is told at once that keys are unavailable.
 */
export class KeySetCheck implements SignatureCheck {
  private readonly keys: JWTVerifyGetKey;
  private failedAt?: number;

  constructor(
    private readonly jwks: JwksConfig,
    private readonly rules: TokenRules,
  ) {
    const keys = createRemoteJWKSet(new URL(jwks.url), {
      cooldownDuration: jwks.cooldownMs,
      cacheMaxAge: jwks.cacheMaxAgeMs,
      timeoutDuration: jwks.timeoutMs,
    });
    this.keys = (header, token) => this.keyOrBackOff(keys, header, token);
  }

  async check(token: string, nowSeconds: number): Promise<SignedToken> {
    try {
      const { payload, protectedHeader } = await jwtVerify(token, this.keys, {
        algorithms: [...this.jwks.algorithms],
        clockTolerance: this.rules.clockToleranceSeconds,
        currentDate: new Date(nowSeconds * 1000),
      });
      return { header: protectedHeader, claims: payload };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired');
      if (error instanceof errors.JWKSNoMatchingKey) {
        throw unauthenticated(
          'The token was signed with a key the identity provider does not list',
        );
      }
      throw unauthenticated('The token is not valid');
    }
  }

  private async keyOrBackOff(
    keys: JWTVerifyGetKey,
    ...args: Parameters<JWTVerifyGetKey>
  ): Promise<Awaited<ReturnType<JWTVerifyGetKey>>> {
    if (this.failedAt !== undefined && Date.now() < this.failedAt + this.jwks.cooldownMs) {
      throw keysUnavailable(this.jwks.cooldownMs);
    }
    try {
      return await keys(...args);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (!(error instanceof errors.JOSEError) || FETCH_FAILURES.has(String(code))) {
        this.failedAt = Date.now();
        throw keysUnavailable(this.jwks.cooldownMs);
      }
      throw error;
    }
  }
}

function keysUnavailable(cooldownMs: number): DomainError {
  return new DomainError(
    'SERVICE_UNAVAILABLE',
    'The keys of the identity provider could not be fetched; try again shortly',
    { retryAfterSeconds: Math.ceil(cooldownMs / 1000) },
  );
}
