import { createPublicKey, createSecretKey, KeyObject } from 'node:crypto';
import { verify as verifyJwt } from 'jsonwebtoken';
import { LocalKeyAuthConfig, TokenRules } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { TokenRefused } from '../common/errors/token-refused';

/** A token whose signature, `exp` and `nbf` held: its header and claims, still to be read. */
export interface SignedToken {
  readonly header: object;
  readonly claims: object;
}

/** Checks the signature of a staff token, and `exp` and `nbf` with the configured tolerance. */
export interface SignatureCheck {
  check(token: string, nowSeconds: number): Promise<SignedToken>;
}

/** HS256 with `JWT_SECRET` or RS256 with `JWT_PUBLIC_KEY`: one key, the algorithm pinned. */
export class LocalKeyCheck implements SignatureCheck {
  /**
   * Built once: handed a string, jsonwebtoken first tries to read it as a public key and builds a
   * secret key only when that throws, on every request (a fifth of the CPU of a queue read).
   */
  private readonly key: KeyObject;

  constructor(
    private readonly auth: LocalKeyAuthConfig,
    private readonly rules: TokenRules,
  ) {
    this.key =
      auth.algorithm === 'HS256'
        ? createSecretKey(Buffer.from(auth.verificationKey))
        : createPublicKey(auth.verificationKey);
  }

  check(token: string, nowSeconds: number): Promise<SignedToken> {
    try {
      const decoded = verifyJwt(token, this.key, {
        algorithms: [this.auth.algorithm],
        clockTolerance: this.rules.clockToleranceSeconds,
        clockTimestamp: nowSeconds,
        complete: true,
      });
      const payload: unknown = decoded.payload;
      if (typeof payload !== 'object' || payload === null) throw new Error('not a claims object');
      return Promise.resolve({ header: decoded.header, claims: payload });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      return Promise.reject(
        unauthenticated(expired ? 'The token has expired' : 'The token is not valid'),
      );
    }
  }
}

/** A token was sent and refused: the answer's WWW-Authenticate says `error="invalid_token"`. */
export function unauthenticated(detail: string): DomainError {
  return new TokenRefused(detail);
}
