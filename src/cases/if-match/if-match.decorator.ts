import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error';

/**
 * The case version in an `If-Match` header (`"3"`, `W/"3"` or `3`: the ETag of a case response).
 * Absent or `*` means "whatever the current version is"; anything else is a 400.
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(header));
  if (!match) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'If-Match must be the ETag of the case, e.g. "3"',
      {},
      [{ field: 'If-Match', message: 'must be a case version such as "3"' }],
    );
  }
  return Number(match[1]);
}

/**
 * The case version the caller last read, for commands that also hold it in their conditional
 * UPDATE so that a race between the check and the write still ends in 412.
 */
export const IfMatch = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): number | undefined =>
    parseIfMatch(ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
);
