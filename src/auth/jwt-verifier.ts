import { Inject, Injectable } from '@nestjs/common';
import { createPublicKey, createSecretKey, KeyObject } from 'node:crypto';
import { verify as verifyJwt } from 'jsonwebtoken';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { StaffActor } from './actor';
import { holdsBothSides, isJwtRole } from './roles';

interface Claims {
  sub?: unknown;
  roles?: unknown;
  name?: unknown;
  exp?: unknown;
}

/** Verifies staff and system tokens: algorithm pinned by configuration, `exp` required. */
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

  verify(token: string): StaffActor {
    let claims: Claims;
    try {
      const decoded = verifyJwt(token, this.key, { algorithms: [this.config.auth.algorithm] });
      if (typeof decoded !== 'object' || decoded === null) throw new Error('not a claims object');
      claims = decoded as Claims;
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new DomainError(
        'AUTH_UNAUTHENTICATED',
        expired ? 'The token has expired' : 'The token is not valid',
      );
    }
    if (typeof claims.exp !== 'number') {
      throw new DomainError('AUTH_UNAUTHENTICATED', 'The token must carry an expiry (exp)');
    }
    if (typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 200) {
      throw new DomainError('AUTH_UNAUTHENTICATED', 'The token must carry a subject (sub)');
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter(isJwtRole) : [];
    if (holdsBothSides(roles)) {
      throw new DomainError(
        'AUTH_BOTH_SIDES',
        'Nobody may act for the front line and the ombudsman at once',
      );
    }
    const name = typeof claims.name === 'string' ? claims.name.slice(0, 200) : undefined;
    return { kind: 'staff', sub: claims.sub, name, roles };
  }
}
