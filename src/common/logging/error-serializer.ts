/**
 * The `err` serializer of the service's logger. pino's standard one writes every enumerable field
 * of an error, and a TypeORM `QueryFailedError` carries the SQL, its parameters (a customer's name,
 * email and description) and the driver's error with PostgreSQL's `detail`
 * (`Key (email)=(anna@example.org) already exists`, `Failing row contains (…)`). Only fields that
 * describe the failure, never the data, are kept.
 */
export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  errno?: number;
  syscall?: string;
  /** PostgreSQL names the objects involved; these are identifiers, never values. */
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
  cause?: SerializedError | string;
}

const MAX_CAUSE_DEPTH = 5;
const IDENTIFIER_FIELDS = ['schema', 'table', 'column', 'constraint', 'routine'] as const;
const SQLSTATE = /^[0-9A-Z]{5}$/;

export function serializeError(value: unknown): unknown {
  return value instanceof Error ? describe(value, 0) : value;
}

/** The message as the serializer writes it, for a log line's `msg`. */
export function safeErrorMessage(error: Error): string {
  return describe(error, MAX_CAUSE_DEPTH).message;
}

function describe(error: Error, depth: number): SerializedError {
  const fields = error as unknown as Record<string, unknown>;
  const type = error.constructor?.name ?? error.name;
  const code = pick(fields.code, ['string', 'number']) as string | number | undefined;
  const database = typeof code === 'string' && SQLSTATE.test(code) && isFromDatabase(fields);
  const message = database ? databaseMessage(error.message, code) : error.message;
  const out: SerializedError = { type, message };
  const stack = framesOf(error.stack);
  if (stack !== undefined) out.stack = `${type}: ${message}${stack}`;
  if (code !== undefined) out.code = code;
  if (typeof fields.errno === 'number') out.errno = fields.errno;
  if (typeof fields.syscall === 'string') out.syscall = fields.syscall;
  if (database) {
    for (const key of IDENTIFIER_FIELDS) {
      const identifier = fields[key];
      if (typeof identifier === 'string') out[key] = identifier;
    }
  }
  const cause = fields.cause;
  if (cause instanceof Error && depth < MAX_CAUSE_DEPTH) out.cause = describe(cause, depth + 1);
  return out;
}

function pick(value: unknown, types: string[]): unknown {
  return types.includes(typeof value) ? value : undefined;
}

/** A pg error, or TypeORM's wrapper of one (which copies the pg fields onto itself). */
function isFromDatabase(fields: Record<string, unknown>): boolean {
  return 'severity' in fields || 'driverError' in fields || 'routine' in fields;
}

/**
 * PostgreSQL quotes the offending input in the messages of class 22 (data exceptions):
 * `invalid input syntax for type uuid: "…"`, `value "…" is out of range for type integer`.
 * Other classes name only relations, columns and constraints, or are texts we wrote ourselves.
 */
function databaseMessage(message: string, sqlState: string): string {
  if (!sqlState.startsWith('22')) return message;
  return message.replace(/"(?:[^"]|"")*"/g, '"[redacted]"');
}

/** Only the `at …` frames: the stack's first line repeats the message, which may be redacted. */
function framesOf(stack: string | undefined): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? `\n${frames.join('\n')}` : '';
}
