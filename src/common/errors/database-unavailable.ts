/**
 * Whether an error means the database cannot be reached right now (down, restarting, recovering,
 * or the connection was cut), as opposed to a fault in a query. Such a request is worth repeating
 * in a moment, so it answers 503 with Retry-After rather than 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; depth += 1) {
    if (matches(cause as DriverLike)) return true;
    // TypeORM wraps the driver's error (QueryFailedError.driverError).
    cause = (cause as DriverLike).driverError ?? (cause as DriverLike).cause;
  }
  return false;
}

interface DriverLike {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly driverError?: unknown;
  readonly cause?: unknown;
}

/** Network errors of the socket to the server. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** SQLSTATEs: 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up, in recovery). */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03']);

/** node-postgres' own words when a connection ends under a query or was already broken. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^timeout exceeded when trying to connect$/,
];

/**
 * TypeORM releases a transaction's query runner when its connection fails under it; the next
 * query of that transaction then throws one of these instead of the connection error.
 */
const RELEASED_RUNNER = new Set([
  'QueryRunnerProviderAlreadyReleasedError',
  'QueryRunnerAlreadyReleasedError',
]);

function matches(error: DriverLike): boolean {
  if (RELEASED_RUNNER.has(String((error as { name?: unknown }).name))) return true;
  const code = typeof error.code === 'string' ? error.code : '';
  if (SOCKET_CODES.has(code) || SERVER_STATES.has(code) || code.startsWith('08')) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return DRIVER_MESSAGES.some((pattern) => pattern.test(message));
}
