import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { parseIfMatch } from '../../common/http/if-match';

/**
 * The case version the caller last read, for commands that also hold it in their conditional
 * UPDATE so that a race between the check and the write still ends in 412.
 */
export const IfMatch = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): number | undefined =>
    parseIfMatch(ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'], 'case'),
);
