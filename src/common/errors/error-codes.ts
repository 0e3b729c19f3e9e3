/**
 * Every stable error code of the API and how it reaches a client. Modules add their codes here so
 * the mapping stays exhaustive and in one place (Twenty does the same per module).
 */
export const ERROR_CATALOG = {
  // Platform
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The body is not valid JSON' },
  BODY_TOO_DEEP: { status: 400, title: 'The body is nested too deeply' },
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  MALFORMED_URL: { status: 400, title: 'The URL is not valid' },
  INVALID_CHARACTERS: { status: 400, title: 'The request holds characters this service refuses' },
  AUTH_UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  AUTH_FORBIDDEN: { status: 403, title: 'Not allowed for your role' },
  AUTH_BOTH_SIDES: {
    status: 403,
    title: 'A token may not carry both front-line and ombudsman office roles',
  },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  REQUEST_TIMEOUT: { status: 408, title: 'The request took too long to arrive' },
  CONFLICT: { status: 409, title: 'Conflict' },
  PRECONDITION_FAILED: { status: 412, title: 'The resource changed since you read it' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The body is too large' },
  BODY_TOO_MANY_FIELDS: { status: 413, title: 'The body has too many fields' },
  URI_TOO_LONG: { status: 414, title: 'The URL is too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  UNPROCESSABLE: { status: 422, title: 'The request cannot be processed' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  HEADERS_TOO_LARGE: { status: 431, title: 'The request headers are too large' },
  INTERNAL: { status: 500, title: 'Internal error' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service unavailable' },
  // Front line
  COMPLAINT_NOT_FOUND: { status: 404, title: 'Complaint not found' },
  COMPLAINT_ALREADY_ANSWERED: {
    status: 409,
    title: 'The complaint already has its final response',
  },
  COMPLAINT_EXTERNAL_ID_CONFLICT: {
    status: 409,
    title: 'This externalId already made a complaint with other content',
  },
  // Cases
  CASE_NOT_FOUND: { status: 404, title: 'Case not found' },
  CASE_INVALID_TRANSITION: { status: 409, title: 'Not possible in the case’s current status' },
  CASE_VERSION_MISMATCH: { status: 412, title: 'The case changed since you read it' },
  CASE_CONFLICT_OF_INTEREST: { status: 409, title: 'Conflict of interest' },
  CONFLICT_OF_INTEREST: {
    status: 403,
    title: 'You declared a conflict of interest on this case',
  },
  CASE_ALREADY_ASSIGNED: { status: 409, title: 'The case is handled by someone else' },
  CASE_ROLE_FORBIDDEN: { status: 403, title: 'Your role may not do this to a case' },
  INFORMATION_REQUEST_NOT_OPEN: { status: 409, title: 'The information request is not open' },
  // Escalation
  COMPLAINT_REFERENCE_UNKNOWN: { status: 422, title: 'Unknown front-line complaint' },
  CASE_TOKEN_MISSING: { status: 401, title: 'Send the case access token' },
  CASE_TOKEN_GUESSES_LIMITED: {
    status: 429,
    title: 'Too many wrong access tokens for this case',
  },
  // Feedback and suggestions
  FEEDBACK_CASE_NOT_CLOSED: { status: 409, title: 'Feedback is possible once the case is closed' },
  FEEDBACK_ALREADY_GIVEN: { status: 409, title: 'Feedback was already given for this case' },
  SUGGESTION_NOT_FOUND: { status: 404, title: 'Suggestion not found' },
  SUGGESTION_INVALID_TRANSITION: {
    status: 409,
    title: 'Not possible in the suggestion’s current status',
  },
  CORRECTIVE_ACTION_NOT_FOUND: { status: 404, title: 'Corrective action not found' },
  // Mediation, decisions and compensation
  CASE_NOT_ASSIGNED_TO_YOU: {
    status: 403,
    title: 'Only the assigned officer or an ombudsman may do this',
  },
  PROPOSAL_NOT_FOUND: { status: 404, title: 'Proposal not found' },
  PROPOSAL_NOT_OPEN: { status: 409, title: 'The proposal is no longer open' },
  PROPOSAL_ALREADY_ANSWERED: { status: 409, title: 'You have already answered this proposal' },
  PROPOSAL_NOT_AWAITING_APPROVAL: { status: 409, title: 'The proposal was already sent' },
  PROPOSAL_EXPIRED: { status: 409, title: 'The proposal expired before it was sent' },
  DECISION_NOT_FOUND: { status: 404, title: 'No decision on this case' },
  DECISION_EXISTS: { status: 409, title: 'The case already has a decision; issue a revision' },
  DECISION_DRAFT_PENDING: {
    status: 409,
    title: 'A decision revision is waiting for approval',
  },
  DECISION_NOT_AWAITING_APPROVAL: { status: 409, title: 'No decision is waiting to be issued' },
  REMEDY_NOT_FOUND: { status: 404, title: 'Remedy not found' },
  REMEDY_INVALID: { status: 400, title: 'The remedy is not valid' },
  REMEDY_APPROVAL_REQUIRED: {
    status: 409,
    title: 'Remedies above the authority limit are not approved yet',
  },
  REMEDY_ABOVE_AUTHORITY: {
    status: 403,
    title: 'Approving above an officer’s limit needs an ombudsman',
  },
  REMEDY_SELF_APPROVAL: { status: 403, title: 'Nobody approves their own remedy' },
  REMEDY_ALREADY_APPROVED: { status: 409, title: 'You have already approved this remedy' },
  REMEDY_APPROVAL_NOT_NEEDED: { status: 409, title: 'The remedy needs no further approval' },
  REMEDY_SUPERSEDED: {
    status: 409,
    title: 'The remedy was superseded and can no longer be approved',
  },
  REMEDY_NOT_DUE: { status: 409, title: 'The remedy is not owed' },
  REMEDY_NOT_FULFILLED: { status: 409, title: 'The remedy has not been fulfilled yet' },
  // Webhooks
  WEBHOOK_NOT_FOUND: { status: 404, title: 'Webhook subscription not found' },
  WEBHOOK_URL_REFUSED: { status: 422, title: 'Webhooks may not be sent to this URL' },
  WEBHOOK_SIGNING_UNAVAILABLE: { status: 503, title: 'Webhook secrets cannot be protected' },
  // Deadlines
  SLA_CALENDAR_NOT_FOUND: { status: 404, title: 'Business calendar not found' },
  SLA_CALENDAR_NAME_TAKEN: { status: 409, title: 'A business calendar has this name' },
  SLA_CALENDAR_VERSION_MISMATCH: {
    status: 412,
    title: 'The business calendar changed since you read it',
  },
  SLA_CALENDAR_UNKNOWN: { status: 422, title: 'The policy names an unknown calendar' },
  // Documents
  DOCUMENT_NOT_FOUND: { status: 404, title: 'Document not found' },
  DOCUMENT_FILE_MISSING: { status: 400, title: 'No file was sent' },
  DOCUMENT_ONE_FILE_ONLY: { status: 400, title: 'One file per request' },
  DOCUMENT_FIELD_UNKNOWN: { status: 400, title: 'Unknown form field' },
  DOCUMENT_EMPTY: { status: 400, title: 'The file is empty' },
  DOCUMENT_TOO_LARGE: { status: 413, title: 'The file is too large' },
  DOCUMENT_TYPE_NOT_ALLOWED: { status: 415, title: 'This type of file is not accepted' },
  DOCUMENT_MULTIPART_REQUIRED: { status: 415, title: 'Send the document as multipart/form-data' },
  DOCUMENT_LIMIT_REACHED: { status: 409, title: 'The case holds as many documents as it may' },
  DOCUMENT_CASE_CLOSED: { status: 409, title: 'The case is closed to new documents' },
  DOCUMENT_WITHDRAWN: { status: 409, title: 'The document was withdrawn from view' },
  DOCUMENT_INTEGRITY_FAILED: {
    status: 500,
    title: 'The stored document no longer matches what was uploaded',
  },
  DOCUMENT_STORE_UNAVAILABLE: { status: 503, title: 'Documents cannot be stored now' },
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
