import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';

/**
 * The case version the caller last read, from `If-Match: "3"` (the ETag of a case response).
 * Absent means "whatever the current version is"; a stale one is refused with 412 later.
 */
export const IfMatch = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): number | undefined => {
    const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
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
  },
);
