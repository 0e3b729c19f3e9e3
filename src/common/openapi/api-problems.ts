import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemSchema } from './problem.schema';

export const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid (field paths in `errors[]`)',
  401: 'Missing, invalid or expired token (see `WWW-Authenticate`)',
  403: 'Your role may not use this route',
  404: 'Not found, or not yours to see',
  409: 'Conflicts with the current state (the body carries it)',
  412: 'The resource changed since your `If-Match` version',
  413: 'The body is larger than the limit, or has too many fields',
  414: 'The URL or one of its parameters is longer than any route takes',
  415: 'The body is not application/json',
  422: 'Well-formed but cannot be processed',
  429: 'Too many requests (see `Retry-After`)',
  500: 'Unexpected error (the body carries a correlation id)',
  503: 'Not ready',
};

/** Documents error responses as problem+json, so every route lists what can go wrong. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: {
          'application/problem+json': { schema: { $ref: getSchemaPath(ProblemSchema) } },
        },
      }),
    ),
  );
}
