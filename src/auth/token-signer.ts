import { sign } from 'jsonwebtoken';
import { JwtRole } from './roles';

export interface TokenRequest {
  readonly sub: string;
  readonly roles: readonly JwtRole[];
  readonly name?: string;
  readonly expiresInSeconds?: number;
  /** `iss` and `aud`, when the service is configured to check them. */
  readonly issuer?: string;
  readonly audience?: string;
}

/** Signs an HS256 staff token (with `iat`); used by `npm run token`, tests and the bench. */
export function signStaffToken(secret: string, request: TokenRequest): string {
  const claims: Record<string, unknown> = { roles: request.roles };
  if (request.name) claims.name = request.name;
  return sign(claims, secret, {
    algorithm: 'HS256',
    subject: request.sub,
    expiresIn: request.expiresInSeconds ?? 8 * 3600,
    ...(request.issuer !== undefined && { issuer: request.issuer }),
    ...(request.audience !== undefined && { audience: request.audience }),
  });
}
