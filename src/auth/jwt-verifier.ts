import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { claimList, readClaim } from './claim-path';
import { KeySetCheck } from './key-set-check';
import { holdsBothSides, isJwtRole, JwtRole } from './roles';
import { LocalKeyCheck, SignatureCheck, unauthenticated } from './signature-check';
import { claimsRefusal, headerRefusal } from './token-claims';

/** What a valid staff token says: who, their roles, and their name when it carries one. */
export interface VerifiedStaff {
  readonly sub: string;
  readonly roles: readonly JwtRole[];
  readonly name?: string;
}

/**
 * Verifies staff and system tokens: the signature with our own key (HS256, RS256) or the identity
 * provider's key set, algorithm pinned by configuration, `exp` and `iat` required, lifetime
 * bounded, issuer and audience checked when configured, no critical extensions; then reads the
 * roles and the name from the claims configuration maps them to.
 */
@Injectable()
export class JwtVerifier {
  private readonly signature: SignatureCheck;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { auth } = config;
    this.signature =
      auth.algorithm === 'JWKS'
        ? new KeySetCheck(auth.jwks, auth.tokenRules)
        : new LocalKeyCheck(auth, auth.tokenRules);
  }

  async verify(token: string, nowMs: number = Date.now()): Promise<VerifiedStaff> {
    const { tokenRules, claims: mapping } = this.config.auth;
    const nowSeconds = Math.floor(nowMs / 1000);
    const { header, claims } = await this.signature.check(token, nowSeconds);
    const refusal = headerRefusal(header) ?? claimsRefusal(claims, tokenRules, nowSeconds);
    if (refusal !== null) throw unauthenticated(refusal);
    const sub: unknown = (claims as { sub?: unknown }).sub;
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) {
      throw unauthenticated('The token must carry a subject (sub)');
    }
    const roles = claimList(readClaim(claims, mapping.roles)).filter(isJwtRole);
    if (holdsBothSides(roles)) {
      throw new DomainError(
        'AUTH_BOTH_SIDES',
        'Nobody may act for the front line and the ombudsman office at once',
      );
    }
    // `name` is optional (the claim configuration says where it is): a blank one is no name at all.
    const claimed = readClaim(claims, mapping.name);
    const name = typeof claimed === 'string' ? claimed.trim().slice(0, 200) : '';
    return name === '' ? { sub, roles } : { sub, roles, name };
  }
}
