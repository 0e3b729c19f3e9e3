import { startTestApp, TestApp } from './support/test-app';

describe('health checks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness without a token', async () => {
    const res = await t.http().get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers readiness with the number of applied migrations', async () => {
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body).toEqual({ status: 'ok', migrations: t.dataSource.migrations.length });
  });

  it('answers 503 when a migration is missing', async () => {
    const [last] = await t.dataSource.query(
      'SELECT id FROM schema_migrations ORDER BY id DESC LIMIT 1',
    );
    await t.dataSource.query('DELETE FROM schema_migrations WHERE id = $1', [last.id]);
    const res = await t.http().get('/health/ready').expect(503);
    expect(res.body).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      detail: expect.stringMatching(/not applied/),
    });
  });
});
