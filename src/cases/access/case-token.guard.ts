import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { AuthenticatedRequest, PUBLIC_ROUTE } from '../../auth/auth.decorators';
import { bearerToken } from '../../auth/bearer';
import { CaseAccessService } from '../case-access.service';
import { isCaseReference } from '../case-reference';
import { DomainError } from '../../common/errors/domain-error';
import { ApiProblems } from '../../common/openapi/api-problems';
import { PublicRateLimitGuard } from '../../rate-limit/public-rate-limit.guard';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CaseTokenFailuresRepository } from './case-token-failures.repository';

/**
 * The customer's side: `Authorization: Bearer <accessToken>` opens only the case it was issued
 * for. Any other token, a staff JWT included, finds no case (404), so existence leaks nothing.
 * Wrong tokens are counted per reference: past CASE_TOKEN_FAILURES_PER_HOUR they answer 429, for
 * a reference that names no case as for one that does, while the right token still opens it.
 */
@Injectable()
export class CaseTokenGuard implements CanActivate {
  constructor(
    private readonly access: CaseAccessService,
    private readonly failures: CaseTokenFailuresRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    const opened = await this.access
      .open(reference, token)
      .catch((error: unknown) => this.refuse(reference, error));
    request.actor = { kind: 'customer', caseId: opened.caseId, reference: opened.reference };
    return true;
  }

  /**
   * A reference that cannot name a case is not counted: its 404 says nothing a guesser lacks.
   * Public for the customer pages (src/portal), which take the token from a form.
   */
  async refuse(reference: string, error: unknown): Promise<never> {
    if (!(error instanceof DomainError) || error.code !== 'CASE_NOT_FOUND') throw error;
    if (!isCaseReference(reference)) throw error;
    const { hits, secondsLeft } = await this.failures.record(reference);
    if (hits > this.config.http.caseTokenFailuresPerHour) {
      throw new DomainError(
        'CASE_TOKEN_GUESSES_LIMITED',
        `Too many wrong access tokens for ${reference}; retry in ${secondsLeft} s`,
        { retryAfterSeconds: secondsLeft },
      );
    }
    throw error;
  }
}

/**
 * A customer route: no staff login; the case access token instead. The public rate limit runs
 * first, so that every guess at a token counts against the caller's address.
 */
export function CaseTokenAuth() {
  return applyDecorators(
    SetMetadata(PUBLIC_ROUTE, true),
    UseGuards(PublicRateLimitGuard, CaseTokenGuard),
    ApiBearerAuth('caseToken'),
    ApiProblems(401, 404, 429),
  );
}
