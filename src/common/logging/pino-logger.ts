import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, LogFn, Logger } from 'pino';
import { safeErrorMessage, serializeError } from './error-serializer';

/** One JSON logger for the service; secrets and bodies are never given to it. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ombudsman' },
      serializers: { err: serializeError },
      hooks: { logMethod: withSafeErrorMessage },
      redact: {
        paths: [
          'authorization',
          'headers.authorization',
          '*.password',
          '*.accessToken',
          '*.secret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/**
 * Without a message of its own, pino logs an error's raw message as the line's `msg`, past the
 * serializer; give it the serializer's redacted one instead.
 */
function withSafeErrorMessage(this: Logger, args: Parameters<LogFn>, method: LogFn): void {
  const [first, second] = args as unknown[];
  if (args.length === 1 && first instanceof Error) {
    method.call(this, { err: first }, safeErrorMessage(first));
    return;
  }
  const err = (first as { err?: unknown } | null)?.err;
  if (
    args.length === 1 &&
    typeof first === 'object' &&
    err instanceof Error &&
    second === undefined
  ) {
    method.call(this, first, safeErrorMessage(err));
    return;
  }
  method.apply(this, args);
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace';

/** Lets Nest's own messages go to the same pino logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  // A Nest Logger with a context calls these as (message, ...params, context): a call such as
  // `logger.warn({ template }, 'text')` arrives as (object, 'text', 'Mail').
  /** Nest's start-up chatter (modules, routes) is debug detail, not operations news. */
  log(message: unknown, ...params: unknown[]) {
    this.write('debug', message, ...textAndContext(params));
  }
  error(message: unknown, ...params: unknown[]) {
    // (message, stack?, context?): a stack is Nest's own, the error itself carries one.
    this.write('error', message, ...textAndContext(params));
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, ...textAndContext(params));
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, ...textAndContext(params));
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, ...textAndContext(params));
  }

  private write(level: Level, message: unknown, text?: string, context?: string) {
    // Spread, an error would bring its enumerable fields (a query's SQL and parameters) along.
    const fields =
      message instanceof Error
        ? { context, err: message }
        : typeof message === 'object' && message !== null
          ? { context, ...message }
          : null;
    if (fields === null) this.logger[level]({ context }, String(message));
    // No text argument at all when there is none: pino would fill one in from the error.
    else if (text === undefined) this.logger[level](fields);
    else this.logger[level](fields, text);
  }
}

/** The trailing string is the context; a string before it is the message text of an object. */
function textAndContext(params: unknown[]): [text?: string, context?: string] {
  const strings = params.filter((p): p is string => typeof p === 'string');
  if (strings.length === 0) return [];
  if (strings.length === 1) return [undefined, strings[0]];
  return [strings[0], strings[strings.length - 1]];
}
