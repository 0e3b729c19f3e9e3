import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { AuthenticatedRequest } from '../../auth/auth.decorators';
import { conflictOfInterest } from '../cases.errors';
import { ConflictDeclarationsRepository } from './conflict-declarations.repository';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const OPEN_TO_CONFLICTED_STAFF = 'cases:open-to-conflicted-staff';

/**
 * Exempts a write route from the bar. Only declaring a conflict is: it is how someone steps back,
 * and the declaration itself refuses a conflicted caller who names a colleague.
 */
export const OpenToConflictedStaff = () => SetMetadata(OPEN_TO_CONFLICTED_STAFF, true);

/**
 * Staff who declared a conflict of interest on a case may read it (audit) but never write to it:
 * every write on `…/cases/:reference/…` answers 403 CONFLICT_OF_INTEREST before the handler, its
 * validation or its transaction run. One check for every staff write, whatever the service.
 */
@Injectable()
export class ConflictOfInterestBar implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly declarations: ConflictDeclarationsRepository,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    if (READS.has(request.method)) return next.handle();
    if (this.reflector.get<boolean>(OPEN_TO_CONFLICTED_STAFF, context.getHandler())) {
      return next.handle();
    }
    const reference = (request.params as { reference?: string } | undefined)?.reference;
    const actor = request.actor;
    if (reference === undefined || actor?.kind !== 'staff') return next.handle();
    if (await this.declarations.declaredOn(reference, actor.sub)) {
      throw conflictOfInterest(reference);
    }
    return next.handle();
  }
}
