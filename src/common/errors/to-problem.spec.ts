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

  it('hides the message of any other unexpected error behind a correlation id', () => {
    const rendered = toProblem(new Error('relation "secret_table" does not exist'), ctx);
    expect(rendered.problem).toMatchObject({ status: 500, correlationId: 'req-1' });
    expect(JSON.stringify(rendered.problem)).not.toContain('secret_table');
    expect(rendered.unexpected).toBe(true);
  });
});
