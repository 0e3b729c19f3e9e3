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

  /** Nest's start-up chatter (modules, routes) is debug detail, not operations news. */
  log(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  error(message: unknown, _trace?: string, context?: string) {
    this.write('error', message, context);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }

  private write(level: Level, message: unknown, context?: string) {
    // Spread, an error would bring its enumerable fields (a query's SQL and parameters) along.
    if (message instanceof Error) this.logger[level]({ context, err: message });
    else if (typeof message === 'object' && message !== null)
      this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}
