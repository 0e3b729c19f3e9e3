import { filingBody } from './support/filing';
import { Writable } from 'node:stream';
import { ProbeModule } from './support/probe.module';
import { listenOnLoopback, rawRequest } from './support/raw-http';
import { startTestApp, TestApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;
const valid = { name: 'Anna', contact: { email: 'anna@example.org' }, tags: ['a'] };

describe('the HTTP edge', () => {
  let t: TestApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    t = await startTestApp({ extraModules: [ProbeModule], logStream, env: { BODY_LIMIT: '2kb' } });
  });
  afterAll(() => t.close());

  it('accepts a valid body and echoes it', async () => {
    const res = await t.http().post('/probe/echo').send(valid).expect(201);
    expect(res.body).toEqual(valid);
  });

  it('answers a validation failure with 400 problem+json listing field paths', async () => {
    const res = await t
      .http()
      .post('/probe/echo')
      .send({
        name: 'a name that is far too long',
        contact: { email: 'nope' },
        tags: ['a', 'b', 'c', 'd'],
      })
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: expect.any(String),
    });
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['contact.email', 'name', 'tags']);
  });

  it('refuses unknown fields, nested ones too', async () => {
    const res = await t
      .http()
      .post('/probe/echo')
      .send({ ...valid, admin: true, contact: { email: 'a@example.org', role: 'x' } })
      .expect(400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['admin', 'contact.role']);
  });

  it('refuses unknown fields named like inherited members, which a DTO would silently drop', async () => {
    const res = await t
      .http()
      .post('/probe/echo')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ ...valid, contact: { email: 'a@example.org', valueOf: 1 } }))
      .expect(400);
    expect(res.body.errors).toEqual([
      { field: 'contact.valueOf', message: 'property valueOf should not exist' },
    ]);
    await t
      .http()
      .post('/v1/escalations')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ ...filingBody(), toString: '' }))
      .expect(400);
  });

  it('refuses a NUL character anywhere in the body, naming the field', async () => {
    const res = await t
      .http()
      .post('/probe/echo')
      .send({ ...valid, contact: { email: 'a\u0000@example.org' } })
      .expect(400);
    expect(res.body.errors).toEqual([
      { field: 'contact.email', message: expect.stringMatching(/NUL/) },
    ]);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t
      .http()
      .post('/probe/echo')
      .set('content-type', 'application/json')
      .send('{"name": "Anna",')
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('answers a wrong content type with 415', async () => {
    const res = await t
      .http()
      .post('/probe/echo')
      .set('content-type', 'text/plain')
      .send('name=Anna')
      .expect(415);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await t
      .http()
      .post('/probe/echo')
      .send({ ...valid, name: 'x'.repeat(4096) })
      .expect(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await t.http().get('/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', instance: '/v1/nothing-here' });
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await t.http().delete('/health/live').expect(405);
    expect(res.headers['allow']).toBe('GET');
    expect(res.body.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers an unexpected error with 500 and a correlation id, without stack or internals', async () => {
    const res = await t.http().get('/probe/crash').set('x-request-id', 'corr-123').expect(500);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'INTERNAL', correlationId: 'corr-123' });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|secret\.ts|at Object/);
  });

  it('never leaks SQL from a failed query', async () => {
    const res = await t.http().get('/probe/bad-sql').expect(500);
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|secret_column|table_that_does_not_exist/i);
  });

  it('echoes a given X-Request-Id and generates one otherwise', async () => {
    const given = await t.http().get('/health/live').set('x-request-id', 'abc-42').expect(200);
    expect(given.headers['x-request-id']).toBe('abc-42');
    const generated = await t.http().get('/health/live').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one JSON line per request with its id, and never the token or the body', async () => {
    const token = t.token('ombudsman');
    await t
      .http()
      .post('/probe/echo')
      .set('authorization', `Bearer ${token}`)
      .set('x-request-id', 'log-check-1')
      .send({ ...valid, name: 'Secretive' })
      .expect(201);
    const lines = logLines.filter((line) => line.includes('log-check-1'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      requestId: 'log-check-1',
      statusCode: 201,
      method: 'POST',
    });
    const all = logLines.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain('Secretive');
  });

  describe('bad bytes', () => {
    const staff = () => ({ authorization: `Bearer ${t.token('ombudsman')}` });

    it('refuses NUL and other control characters in a path parameter with 400', async () => {
      for (const bad of ['OMB-2026-%00', 'OMB-2026-%1B', 'OMB%7F']) {
        const res = await t.http().get(`/v1/admin/cases/${bad}`).set(staff()).expect(400);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.body.code).toBe('INVALID_CHARACTERS');
        expect(res.text).not.toContain('OMB');
      }
    });

    it('refuses NUL in a query string with 400, on any route', async () => {
      const res = await t.http().get('/v1/admin/cases?q=a%00b').set(staff()).expect(400);
      expect(res.body.code).toBe('INVALID_CHARACTERS');
      await t.http().get('/v1/public/statistics?year=2026%00').expect(400);
      await t.http().get('/v1/admin/cases?q=%E0%A4%A').set(staff()).expect(400);
    });

    it('refuses control characters in a header value with 400', async () => {
      // inject() skips Node's HTTP parser, which refuses them first on a real connection.
      const res = await t.app.inject({
        method: 'GET',
        url: '/v1/public/statistics',
        headers: { 'idempotency-key': 'secret\u00011' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.json()).toMatchObject({ code: 'INVALID_CHARACTERS' });
      expect(res.body).not.toContain('secret');
    });

    it('answers a URL that is not valid UTF-8 with 400 problem+json, without echoing it', async () => {
      const res = await t.http().get('/v1/admin/cases/%E0%A4%A-secret').expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.text).not.toContain('secret');
    });

    it('answers a parameter longer than any route takes with 414 problem+json, without echoing it', async () => {
      const res = await t
        .http()
        .get(`/v1/admin/cases/${'x'.repeat(300)}`)
        .expect(414);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.code).toBe('URI_TOO_LONG');
      expect(res.text).not.toContain('xxxxxxxx');
    });

    it('answers NUL in a header and headers too large as problem+json', async () => {
      const port = await listenOnLoopback(t);
      const nul = await rawRequest(
        port,
        'GET /health/live HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n',
      );
      expect(nul.status).toBe(400);
      expect(nul.headers['content-type']).toMatch(PROBLEM);
      expect(JSON.parse(nul.body)).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
      const big = await rawRequest(
        port,
        `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`,
      );
      expect(big.status).toBe(431);
      expect(big.headers['content-type']).toMatch(PROBLEM);
      expect(JSON.parse(big.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
    });
  });
});
