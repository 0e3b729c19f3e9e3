import { Inject, Injectable } from '@nestjs/common';
import { createPublicKey, createSecretKey, KeyObject } from 'node:crypto';
import { verify as verifyJwt } from 'jsonwebtoken';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { TokenRefused } from '../common/errors/token-refused';
import { holdsBothSides, isJwtRole, JwtRole } from './roles';
import { claimsRefusal, headerRefusal, StaffClaims } from './token-claims';

/** What a valid staff token says: who, their roles, and their name when it carries one. */
export interface VerifiedStaff {
  readonly sub: string;
  readonly roles: readonly JwtRole[];
  readonly name?: string;
}

/**
 * Verifies staff and system tokens: algorithm pinned by configuration, `exp` and `iat` required,
 * lifetime bounded, issuer and audience checked when configured, no critical extensions.
 */
@Injectable()
export class JwtVerifier {
  /**
   * Built once: handed a string, jsonwebtoken first tries to read it as a public key and builds a
   * secret key only when that throws, on every request (a fifth of the CPU of a queue read).
   */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { algorithm, verificationKey } = config.auth;
    this.key =
      algorithm === 'HS256'
        ? createSecretKey(Buffer.from(verificationKey))
        : createPublicKey(verificationKey);
  }

  verify(token: string, nowMs: number = Date.now()): VerifiedStaff {
    const { algorithm, tokenRules } = this.config.auth;
    const nowSeconds = Math.floor(nowMs / 1000);
    let header: object;
    let claims: StaffClaims;
    try {
      const decoded = verifyJwt(token, this.key, {
        algorithms: [algorithm],
        clockTolerance: tokenRules.clockToleranceSeconds,
        clockTimestamp: nowSeconds,
        complete: true,
      });
      const payload: unknown = decoded.payload;
      if (typeof payload !== 'object' || payload === null) throw new Error('not a claims object');
      header = decoded.header;
      claims = payload;
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw unauthenticated(expired ? 'The token has expired' : 'The token is not valid');
    }
    const refusal = headerRefusal(header) ?? claimsRefusal(claims, tokenRules, nowSeconds);
    if (refusal !== null) throw unauthenticated(refusal);
    if (typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 200) {
      throw unauthenticated('The token must carry a subject (sub)');
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter(isJwtRole) : [];
    if (holdsBothSides(roles)) {
      throw new DomainError(
        'AUTH_BOTH_SIDES',
        'Nobody may act for the front line and the ombudsman office at once',
      );
    }
    // `name` is optional: a blank one is no name at all.
    const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 200) : '';
    return name === '' ? { sub: claims.sub, roles } : { sub: claims.sub, roles, name };
  }
}

function unauthenticated(detail: string): DomainError {
  return new TokenRefused(detail);
}
