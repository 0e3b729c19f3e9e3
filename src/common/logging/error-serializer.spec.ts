import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger, NestPinoLogger } from './pino-logger';
import { serializeError } from './error-serializer';

/** What node-postgres hands TypeORM for a failed statement (a pg-protocol DatabaseError). */
function pgError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), {
    severity: 'ERROR',
    routine: 'ExecConstraints',
    where: 'SQL statement "INSERT INTO ombudsman_case VALUES (\'Анна Петрова\')"',
    ...fields,
  });
}

function queryFailed(message: string, fields: Record<string, unknown>): QueryFailedError {
  return new QueryFailedError(
    'INSERT INTO ombudsman_case (customer_name, customer_email) VALUES ($1, $2)',
    ['Анна Петрова', 'anna@example.org'],
    pgError(message, fields),
  );
}

function captureLines(): { stream: Writable; lines: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines: () => chunks.join('') };
}

describe('the error serializer of the logger', () => {
  it('keeps what a failed query was and where it failed, but not its SQL, parameters or detail', () => {
    const error = queryFailed('duplicate key value violates unique constraint "uq_case_email"', {
      code: '23505',
      detail: 'Key (customer_email)=(anna@example.org) already exists.',
      table: 'ombudsman_case',
      constraint: 'uq_case_email',
    });
    const out = serializeError(error) as Record<string, unknown>;
    expect(out).toMatchObject({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "uq_case_email"',
      code: '23505',
      table: 'ombudsman_case',
      constraint: 'uq_case_email',
      stack: expect.stringMatching(/^QueryFailedError: duplicate key[^\n]*\n\s+at /),
    });
    expect(Object.keys(out)).not.toEqual(
      expect.arrayContaining(['query', 'parameters', 'driverError', 'detail', 'where']),
    );
    expect(JSON.stringify(out)).not.toMatch(/anna@example\.org|Анна|INSERT/);
  });

  it('redacts the input PostgreSQL quotes in a data exception, in the message and the stack', () => {
    const error = queryFailed('invalid input syntax for type uuid: "anna@example.org"', {
      code: '22P02',
    });
    const out = serializeError(error) as { message: string; stack: string };
    expect(out.message).toBe('invalid input syntax for type uuid: "[redacted]"');
    expect(out.stack).not.toContain('anna@example.org');
  });

  it('keeps a plain error as type, message and stack, and follows its cause', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
      address: '10.0.0.1',
    });
    const out = serializeError(new Error('readiness check failed', { cause }));
    expect(out).toMatchObject({
      type: 'Error',
      message: 'readiness check failed',
      cause: { type: 'Error', code: 'ECONNREFUSED', errno: -111, syscall: 'connect' },
    });
    expect(JSON.stringify(out)).not.toContain('10.0.0.1');
  });

  it('leaves a value that is not an error as it is', () => {
    expect(serializeError('timeout after 5000 ms')).toBe('timeout after 5000 ms');
  });

  it('is what the service logger uses, whichever way an error reaches it', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger('info', stream);
    const error = queryFailed('value "anna@example.org" is out of range for type integer', {
      code: '22003',
      detail: 'Failing row contains (Анна Петрова, anna@example.org).',
    });
    logger.error({ err: error, requestId: 'req-1' }, 'unexpected error');
    logger.error({ err: error });
    logger.error(error);
    new NestPinoLogger(logger).error(error);
    const logged = lines();
    expect(logged.trim().split('\n')).toHaveLength(4);
    expect(logged).toContain('req-1');
    expect(logged).toContain('22003');
    expect(logged).not.toMatch(/anna@example\.org|Анна|INSERT|Failing row/);
  });
});
