import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';
import { AuthenticatedRequest, PUBLIC_ROUTE, ROUTE_ROLES } from './auth.decorators';
import { bearerToken } from './bearer';
import { JwtVerifier } from './jwt-verifier';
import { JwtRole } from './roles';
import { StaffNames } from './staff-names';

/**
 * Global guard: every route is closed unless marked `@Public()` or `@Roles(...)`. Routes that take a
 * case access token are `@Public()` here and checked by the case-token guard.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
    private readonly names: StaffNames,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const roles = this.reflector.getAllAndOverride<JwtRole[] | undefined>(ROUTE_ROLES, targets);
    if (!roles)
      throw new Error(`Route ${context.getHandler().name} declares neither @Public nor @Roles`);

    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const token = bearerToken(request.headers);
    if (!token) throw new DomainError('AUTH_UNAUTHENTICATED', 'Send a bearer token');
    const verified = await this.verifier.verify(token);
    if (!verified.roles.some((role) => roles.includes(role))) {
      throw new DomainError(
        'AUTH_FORBIDDEN',
        `This route needs one of the roles: ${roles.join(', ')}`,
      );
    }
    // Every authenticated request keeps the staff directory's name for this sub up to date.
    request.actor = await this.names.actorFor(verified);
    return true;
  }
}
