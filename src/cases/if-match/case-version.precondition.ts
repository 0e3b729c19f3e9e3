import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { caseNotFound, versionMismatch } from '../cases.errors';
import { CasesRepository } from '../cases.repository';
import { parseIfMatch } from '../../common/http/if-match';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a write on `/…/cases/:reference/…` with 412 when its `If-Match` names a version the case
 * no longer has, before the handler runs. Writes without `If-Match` pass. Commands that change the
 * status also carry the version into their conditional UPDATE, which closes the race between this
 * check and their write.
 */
@Injectable()
export class CaseVersionPrecondition implements NestInterceptor {
  // Built here: the interceptor is resolved in each controller's module, which need not know it.
  private readonly cases = new CasesRepository();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (READS.has(request.method)) return next.handle();
    const expected = parseIfMatch(request.headers['if-match'], 'case');
    const reference = (request.params as { reference?: string } | undefined)?.reference;
    if (expected === undefined || reference === undefined) return next.handle();
    const version = await this.cases.versionOf(this.dataSource.manager, reference);
    if (version === undefined) throw caseNotFound(reference);
    if (version !== expected) throw versionMismatch(reference, version);
    return next.handle();
  }
}
