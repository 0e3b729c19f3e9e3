import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { ApiProblems } from '../openapi/api-problems';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Visible ASCII only: keys travel in headers and logs, and a UUID or ULID always fits. */
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

/** The header's value, undefined when absent; anything else but a valid key is a 400. */
export function parseIdempotencyKey(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && VALID_KEY.test(value)) return value;
  const message = 'must be 1 to 255 visible ASCII characters, sent once';
  throw new DomainError('VALIDATION_FAILED', `${IDEMPOTENCY_KEY_HEADER}: ${message}`, {}, [
    { field: IDEMPOTENCY_KEY_HEADER, message },
  ]);
}

/** Injects the validated `Idempotency-Key` header (string | undefined) into a route handler. */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined =>
    parseIdempotencyKey(ctx.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key']),
);

/** Documents the header and the two answers only an idempotent route gives. */
export function ApiIdempotencyKey() {
  return applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Any unique value (a UUID) for this operation. A retry with the same key and body ' +
        'replays the first response (with `Idempotent-Replayed: true`); the same key with ' +
        'another body answers 422; while the first request runs, 409. Keys live 24 hours.',
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
    }),
    ApiProblems(409, 422),
  );
}
