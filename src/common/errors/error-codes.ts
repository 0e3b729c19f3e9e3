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
  // Front line
  COMPLAINT_NOT_FOUND: { status: 404, title: 'Complaint not found' },
  COMPLAINT_ALREADY_ANSWERED: {
    status: 409,
    title: 'The complaint already has its final response',
  },
  // Cases
  CASE_NOT_FOUND: { status: 404, title: 'Case not found' },
  CASE_INVALID_TRANSITION: { status: 409, title: 'Not possible in the case’s current status' },
  CASE_VERSION_MISMATCH: { status: 412, title: 'The case changed since you read it' },
  CASE_CONFLICT_OF_INTEREST: { status: 409, title: 'Conflict of interest' },
  CASE_ALREADY_ASSIGNED: { status: 409, title: 'The case is handled by someone else' },
  CASE_ROLE_FORBIDDEN: { status: 403, title: 'Your role may not do this to a case' },
  INFORMATION_REQUEST_NOT_OPEN: { status: 409, title: 'The information request is not open' },
  // Escalation
  COMPLAINT_REFERENCE_UNKNOWN: { status: 422, title: 'Unknown front-line complaint' },
  CASE_TOKEN_MISSING: { status: 401, title: 'Send the case access token' },
  // Idempotency
  IDEMPOTENCY_IN_FLIGHT: {
    status: 409,
    title: 'A request with this Idempotency-Key is still in progress',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'The Idempotency-Key was used with a different request',
  },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** A stable URI per code, as RFC 9457 `type`. */
export function problemType(code: ErrorCode): string {
  return `https://ombudsman.example/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}
