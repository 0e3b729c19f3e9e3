import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems';
import { Actor, StaffActor } from './actor';
import { JwtRole } from './roles';

export const PUBLIC_ROUTE = 'auth:public';
export const ROUTE_ROLES = 'auth:roles';

/** No login at all (health, filing a dispute, public statistics). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** A staff or system route: a valid JWT holding at least one of these roles. */
export function Roles(...roles: JwtRole[]) {
  return applyDecorators(
    SetMetadata(ROUTE_ROLES, roles),
    ApiBearerAuth('jwt'),
    // Who may call it, in the document: integrators read it, the authorization matrix of the
    // fault suite (test/faults/authorization-matrix.fault-spec.ts) is generated from it.
    ApiExtension('x-roles', roles),
    // 503: the identity provider's keys could not be fetched (JWT_JWKS_URL).
    ApiProblems(401, 403, 503),
  );
}

export interface AuthenticatedRequest {
  actor?: Actor;
}

/** The staff member calling a `@Roles` route. */
export const CurrentStaff = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): StaffActor => {
    const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (actor?.kind !== 'staff') throw new Error('CurrentStaff used on a route without @Roles');
    return actor;
  },
);
