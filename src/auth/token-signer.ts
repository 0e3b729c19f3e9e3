import { sign } from 'jsonwebtoken';
import { JwtRole } from './roles';

export interface TokenRequest {
  readonly sub: string;
  readonly roles: readonly JwtRole[];
  readonly name?: string;
  readonly expiresInSeconds?: number;
}

/** Signs an HS256 staff token; used by `npm run token`, tests and the bench. */
export function signStaffToken(secret: string, request: TokenRequest): string {
  const claims: Record<string, unknown> = { roles: request.roles };
  if (request.name) claims.name = request.name;
  return sign(claims, secret, {
    algorithm: 'HS256',
    subject: request.sub,
    expiresIn: request.expiresInSeconds ?? 8 * 3600,
  });
}
