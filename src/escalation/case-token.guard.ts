import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { AuthenticatedRequest, PUBLIC_ROUTE } from '../auth/auth.decorators';
import { bearerToken } from '../auth/bearer';
import { CaseAccess } from '../cases/case-access.service';
import { DomainError } from '../common/errors/domain-error';
import { ApiProblems } from '../common/openapi/api-problems';

/**
 * The customer's side: `Authorization: Bearer <accessToken>` opens only the case it was issued
 * for. Any other token, a staff JWT included, finds no case (404), so existence leaks nothing.
 */
@Injectable()
export class CaseTokenGuard implements CanActivate {
  constructor(private readonly access: CaseAccess) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest<{ Params: { reference?: string } }> & AuthenticatedRequest>();
    const token = bearerToken(request.headers);
    if (!token)
      throw new DomainError(
        'CASE_TOKEN_MISSING',
        'Send the access token you received when you filed',
      );
    const reference = request.params.reference ?? '';
    const opened = await this.access.open(reference, token);
    request.actor = { kind: 'customer', caseId: opened.caseId, reference: opened.reference };
    return true;
  }
}

/** A customer route: no staff login; the case access token instead. */
export function CaseTokenAuth() {
  return applyDecorators(
    SetMetadata(PUBLIC_ROUTE, true),
    UseGuards(CaseTokenGuard),
    ApiBearerAuth('caseToken'),
    ApiProblems(401, 404),
  );
}
