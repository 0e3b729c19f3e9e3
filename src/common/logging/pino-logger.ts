import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger } from 'pino';
import { LogLevel } from '../../config/app-config';

/** One JSON logger for the service; secrets and bodies are never given to it. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ombudsman' },
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
    if (typeof message === 'object' && message !== null)
      this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}
