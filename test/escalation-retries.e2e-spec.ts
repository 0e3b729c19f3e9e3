import { Client } from 'pg';
import { fileCase, filingBody } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe('retrying a filing with an Idempotency-Key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const cases = async () =>
    Number((await t.dataSource.query('SELECT count(*)::int AS n FROM ombudsman_case'))[0].n);
  const file = (key: string, body: Record<string, unknown> = filingBody()) =>
    t.http().post('/v1/escalations').set('idempotency-key', key).send(body);

  it('replays the first status and body, access token included, and files one case', async () => {
    const before = await cases();
    const first = await file('retry-1').expect(201);
    const again = await file('retry-1').expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await cases()).toBe(before + 1);
    await t
      .http()
      .get(`/v1/escalations/${first.body.reference}`)
      .set('authorization', `Bearer ${again.body.accessToken}`)
      .expect(200);
  });

  it('answers the same key with another body with 422 and files nothing more', async () => {
    await file('retry-2').expect(201);
    const before = await cases();
    const res = await file('retry-2', filingBody({ subject: 'Another dispute' })).expect(422);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await cases()).toBe(before);
  });

  it('answers 409 with Retry-After while the first request with the key is still running', async () => {
    // Another session holds the key's lock, exactly as a first request in flight does.
    const holder = new Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        'idempotency:escalation.file:retry-3',
      ]);
      const before = await cases();
      const res = await file('retry-3').expect(409);
      expect(res.body.code).toBe('IDEMPOTENCY_IN_FLIGHT');
      expect(res.headers['retry-after']).toBe('1');
      expect(await cases()).toBe(before);
      await holder.query('ROLLBACK');
      await file('retry-3').expect(201);
    } finally {
      await holder.end();
    }
  });

  it('files exactly one case for ten concurrent retries with one key', async () => {
    const body = filingBody({ subject: 'Ten retries' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => file('retry-4', body)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const references = new Set(
      answers.filter((a) => a.status === 201).map((a) => a.body.reference),
    );
    expect(references.size).toBe(1);
    const [{ n }] = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM ombudsman_case WHERE subject = 'Ten retries'",
    );
    expect(n).toBe(1);
    const replay = await file('retry-4', body).expect(201);
    expect(references.has(replay.body.reference)).toBe(true);
  });

  it('keeps keys of different filings apart and files without a key as often as asked', async () => {
    const a = await file('retry-5a').expect(201);
    const b = await file('retry-5b').expect(201);
    expect(a.body.reference).not.toBe(b.body.reference);
    const c = await fileCase(t);
    const d = await fileCase(t);
    expect(c.reference).not.toBe(d.reference);
  });

  it('refuses a key that is not visible ASCII with 400 naming the header', async () => {
    const res = await file('with space').expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });
});

describe('the rate limit of the public endpoint', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
  });
  afterAll(() => t.close());
  beforeEach(() => t.dataSource.query('DELETE FROM rate_limit_bucket'));

  it('answers the third filing in a minute from one address with 429, Retry-After and no case', async () => {
    await t.http().post('/v1/escalations').send(filingBody()).expect(201);
    await t.http().post('/v1/escalations').send(filingBody()).expect(201);
    const res = await t.http().post('/v1/escalations').send(filingBody()).expect(429);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM ombudsman_case');
    expect(n).toBe(2);
  });

  it('counts the customer routes of a case against the same limit', async () => {
    const filed = await t.http().post('/v1/escalations').send(filingBody()).expect(201);
    const view = () =>
      t
        .http()
        .get(`/v1/escalations/${filed.body.reference}`)
        .set('authorization', `Bearer ${filed.body.accessToken}`);
    await view().expect(200);
    await view().expect(429);
  });

  it('leaves staff and company routes unlimited', async () => {
    const auditor = `Bearer ${t.token('auditor')}`;
    for (let i = 0; i < 4; i += 1) {
      await t.http().get('/v1/admin/cases').set('authorization', auditor).expect(200);
    }
  });
});
