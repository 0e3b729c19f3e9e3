import { toProblem } from './to-problem';

const ctx = {
  method: 'POST',
  path: '/v1/escalations',
  requestId: 'req-1',
  allowedMethods: () => [],
};

describe('toProblem', () => {
  it('answers 503 with Retry-After when no database connection came free in time', () => {
    const rendered = toProblem(new Error('timeout exceeded when trying to connect'), ctx);
    expect(rendered.problem).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(rendered.headers).toEqual({ 'retry-after': '1' });
    expect(rendered.problem.detail).toContain('req-1');
  });

  it('answers 503 with Retry-After when the database is down, restarting or cut the connection', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const terminated = new Error('Connection terminated unexpectedly');
    const recovering = Object.assign(new Error('query failed'), {
      driverError: Object.assign(new Error('the database system is in recovery mode'), {
        code: '57P03',
      }),
    });
    for (const error of [refused, terminated, recovering]) {
      const rendered = toProblem(error, ctx);
      expect(rendered.problem).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(rendered.headers).toEqual({ 'retry-after': '2' });
      expect(JSON.stringify(rendered.problem)).not.toMatch(/ECONNREFUSED|5432|recovery/);
    }
  });

  it('hides the message of any other unexpected error behind a correlation id', () => {
    const rendered = toProblem(new Error('relation "secret_table" does not exist'), ctx);
    expect(rendered.problem).toMatchObject({ status: 500, correlationId: 'req-1' });
    expect(JSON.stringify(rendered.problem)).not.toContain('secret_table');
    expect(rendered.unexpected).toBe(true);
  });

  it('answers Fastify errors by their status in its own words, never echoing the URL', () => {
    const fastify = (code: string, statusCode: number) =>
      Object.assign(new Error(`'/v1/%E0%A4%A/secret' is bad`), { code, statusCode });
    const badUrl = toProblem(fastify('FST_ERR_BAD_URL', 400), ctx).problem;
    expect(badUrl).toMatchObject({ status: 400, code: 'MALFORMED_URL' });
    expect(badUrl.instance).toBeUndefined();
    const tooLong = toProblem(fastify('FST_ERR_MAX_PARAM_LENGTH', 414), ctx).problem;
    expect(tooLong).toMatchObject({ status: 414, code: 'URI_TOO_LONG' });
    const other = toProblem(fastify('FST_ERR_SOMETHING_NEW', 400), ctx);
    expect(other.problem).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(other.unexpected).toBe(false);
    for (const rendered of [badUrl, tooLong, other.problem]) {
      expect(JSON.stringify(rendered)).not.toContain('secret');
    }
  });
});
