/**
 * Every stable error code of the API and how it reaches a client. Modules add their codes here so
 * the mapping stays exhaustive and in one place (Twenty does the same per module).
 */
export const ERROR_CATALOG = {
  // Platform
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The body is not valid JSON' },
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  AUTH_UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  AUTH_FORBIDDEN: { status: 403, title: 'Not allowed for your role' },
  AUTH_BOTH_SIDES: {
    status: 403,
    title: 'A token may not carry both front-line and ombudsman roles',
  },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  CONFLICT: { status: 409, title: 'Conflict' },
  PRECONDITION_FAILED: { status: 412, title: 'The resource changed since you read it' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  UNPROCESSABLE: { status: 422, title: 'The request cannot be processed' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal error' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** A stable URI per code, as RFC 9457 `type`. */
export function problemType(code: ErrorCode): string {
  return `https://ombudsman.example/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}
