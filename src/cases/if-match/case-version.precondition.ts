import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { caseNotFound, versionMismatch } from '../cases.errors';
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (READS.has(request.method)) return next.handle();
    const expected = parseIfMatch(request.headers['if-match'], 'case');
    const reference = (request.params as { reference?: string } | undefined)?.reference;
    if (expected === undefined || reference === undefined) return next.handle();
    const [found] = (await this.dataSource.query(
      'SELECT version FROM ombudsman_case WHERE reference = $1',
      [reference],
    )) as { version: number }[];
    if (!found) throw caseNotFound(reference);
    if (found.version !== expected) throw versionMismatch(reference, found.version);
    return next.handle();
  }
}
