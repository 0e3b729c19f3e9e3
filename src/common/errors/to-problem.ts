import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainError } from './domain-error';
import { ERROR_CATALOG, ErrorCode } from './error-codes';
import { Problem, problemOf } from './problem';
import { TokenRefused } from './token-refused';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'AUTH_UNAUTHENTICATED',
  403: 'AUTH_FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
  503: 'SERVICE_UNAVAILABLE',
};

interface FrameworkError {
  code?: string;
  statusCode?: number;
  message?: string;
}

export interface ProblemContext {
  readonly method: string;
  readonly path: string;
  readonly requestId: string;
  /** Methods the path answers, for telling 405 from 404. */
  readonly allowedMethods: (path: string) => string[];
}

export interface RenderedProblem {
  readonly problem: Problem;
  readonly headers: Record<string, string>;
  /** True for errors nobody expected: log them with their stack. */
  readonly unexpected: boolean;
}

/** Turns anything thrown into an RFC 9457 problem. Never copies a stack or SQL into the body. */
export function toProblem(error: unknown, ctx: ProblemContext): RenderedProblem {
  const rendered = render(error, ctx);
  if (!URL_PROBLEMS.has(rendered.problem.code)) rendered.problem.instance = ctx.path;
  return rendered;
}

/** Problems about the URL itself, which is not echoed: it may be huge or hold control bytes. */
const URL_PROBLEMS = new Set<ErrorCode>(['MALFORMED_URL', 'URI_TOO_LONG', 'INVALID_CHARACTERS']);

function render(error: unknown, ctx: ProblemContext): RenderedProblem {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = {};
    if (ERROR_CATALOG[error.code].status === 401) {
      headers['www-authenticate'] =
        error instanceof TokenRefused
          ? `Bearer realm="ombudsman", error="invalid_token"`
          : `Bearer realm="ombudsman"`;
    }
    const retryAfter = error.extensions.retryAfterSeconds;
    if (typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
    return {
      problem: problemOf(error.code, error.detail, error.extensions, error.errors),
      headers,
      unexpected: false,
    };
  }
  if (error instanceof HttpException) return fromHttpException(error, ctx);
  const framework = frameworkProblem(error as FrameworkError);
  if (framework) return { problem: framework, headers: {}, unexpected: false };
  if (isPoolExhausted(error)) {
    return {
      problem: problemOf(
        'SERVICE_UNAVAILABLE',
        `The service is too busy to answer now; try again in a moment (request ${ctx.requestId}).`,
        { correlationId: ctx.requestId },
      ),
      headers: { 'retry-after': '1' },
      unexpected: true,
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      problem: problemOf(
        'SERVICE_UNAVAILABLE',
        `The database does not answer now; try again in a moment (request ${ctx.requestId}).`,
        { correlationId: ctx.requestId },
      ),
      headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
      unexpected: true,
    };
  }
  return {
    problem: problemOf(
      'INTERNAL',
      `Something went wrong on our side. Quote ${ctx.requestId} if you contact us.`,
      { correlationId: ctx.requestId },
    ),
    headers: {},
    unexpected: true,
  };
}

function fromHttpException(error: HttpException, ctx: ProblemContext): RenderedProblem {
  const status = error.getStatus();
  if (status === 404 && /^Cannot [A-Z]+ /.test(error.message)) {
    const allowed = ctx.allowedMethods(ctx.path);
    if (allowed.length > 0) {
      return {
        problem: problemOf(
          'METHOD_NOT_ALLOWED',
          `${ctx.method} is not allowed here; use ${allowed.join(', ')}`,
        ),
        headers: { allow: allowed.join(', ') },
        unexpected: false,
      };
    }
    return {
      problem: problemOf('ROUTE_NOT_FOUND', `No route ${ctx.method} ${ctx.path}`),
      headers: {},
      unexpected: false,
    };
  }
  // Nest hands Fastify's body-parsing errors over as plain HttpExceptions carrying Fastify's text.
  const framework = frameworkProblem({
    statusCode: status,
    code: frameworkCode(status, error.message),
  });
  if (framework) return { problem: framework, headers: {}, unexpected: false };
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
  const detail = status >= 500 ? 'Something went wrong on our side' : error.message;
  return { problem: problemOf(code, detail), headers: {}, unexpected: status >= 500 };
}

/** Long enough for a restarting PostgreSQL to come back, short enough not to lose the client. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

/** pg-pool's answer when no connection came free within DATABASE_POOL_TIMEOUT_MS. */
function isPoolExhausted(error: unknown): boolean {
  return error instanceof Error && error.message === 'timeout exceeded when trying to connect';
}

function frameworkCode(status: number, message: string): string | undefined {
  if (status === 415) return 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
  if (status === 413) return 'FST_ERR_CTP_BODY_TOO_LARGE';
  if (status === 400 && /JSON/.test(message)) {
    return /empty/i.test(message) ? 'FST_ERR_CTP_EMPTY_JSON_BODY' : 'FST_ERR_CTP_INVALID_JSON_BODY';
  }
  return undefined;
}

/** Fastify's own errors (content type, body size, JSON syntax) raised before any route runs. */
function frameworkProblem(error: FrameworkError): Problem | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemOf('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemOf('PAYLOAD_TOO_LARGE', 'The body is larger than this service accepts');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf('MALFORMED_JSON', 'The body is empty but the content type says JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemOf('BAD_REQUEST', 'Content-Length does not match the body');
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return problemOf('MALFORMED_JSON', 'The body could not be parsed as JSON');
  }
  return fastifyProblem(error);
}

/**
 * Any other error Fastify raises for a request (bad URL, over-long parameter, …), answered by its
 * status with our own words: Fastify's messages quote the URL.
 */
function fastifyProblem(error: FrameworkError): Problem | undefined {
  if (!error.code?.startsWith('FST_ERR_')) return undefined;
  if (error.code === 'FST_ERR_BAD_URL') {
    return problemOf('MALFORMED_URL', 'The URL holds an escape that is not valid UTF-8');
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return problemOf('URI_TOO_LONG', 'A part of the URL is longer than any route accepts');
  }
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return undefined;
  const code = STATUS_CODES[status] ?? 'BAD_REQUEST';
  return problemOf(code, ERROR_CATALOG[code].title);
}
