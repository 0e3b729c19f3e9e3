import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

const METRICS_TOKEN = 'a-metrics-token-for-prometheus-0123456789';

/** The value of one sample line of the Prometheus text format, or undefined when absent. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return undefined;
}

describe('Prometheus metrics at GET /metrics, with METRICS_TOKEN set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_TOKEN, METRICS_CACHE_MS: '0' } });
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await t
      .http()
      .get('/metrics')
      .set('authorization', `Bearer ${METRICS_TOKEN}`)
      .expect(200)
      .expect('content-type', /^text\/plain; version=0\.0\.4/);
    return res.text;
  };

  it('refuses a scrape without the token, or with another one', async () => {
    await t.http().get('/metrics').expect(401);
    await t.http().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}x`).expect(401);
  });

  it('names every metric the dashboard reads', async () => {
    const text = await scrape();
    for (const name of [
      'http_server_request_duration_seconds',
      'ombudsman_db_pool_connections_in_use',
      'ombudsman_db_pool_waiting_requests',
      'ombudsman_cases',
      'ombudsman_deadlines_open',
      'ombudsman_outbox_lag_seconds',
      'ombudsman_outbox_pending_events',
      'ombudsman_webhook_deliveries_pending',
      'ombudsman_webhook_deliveries_failed',
      'ombudsman_webhook_oldest_pending_seconds',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect({ name, present: text.includes(`# TYPE ${name} `) }).toEqual({ name, present: true });
    }
  });

  it('serves every metric the Grafana dashboard in ops/grafana reads', async () => {
    const text = await scrape();
    const dashboard = readFileSync(
      join(__dirname, '..', 'ops', 'grafana', 'ombudsman.json'),
      'utf8',
    );
    const used = new Set(
      [...dashboard.matchAll(/\b(?:ombudsman|http_server|process|nodejs)_\w+/g)].map(([name]) =>
        name.replace(/_(bucket|count|sum)$/, ''),
      ),
    );
    expect(used.size).toBeGreaterThan(10);
    for (const name of used) {
      expect({ name, present: text.includes(`# TYPE ${name} `) }).toEqual({ name, present: true });
    }
  });

  it('moves with the work: requests by route template, cases by status, outbox, deadlines', async () => {
    const before = await scrape();
    const filingRoute = { method: 'POST', route: '/v1/escalations', status_code: '201' };
    const filed = await fileCase(t);
    await fileCase(t);
    await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', `Bearer ${t.token('ombudsman')}`)
      .expect(200);
    await t.dataSource.query(
      `UPDATE case_deadline SET breached_at = now(), at_risk_at = now()
        WHERE case_id = (SELECT id FROM ombudsman_case WHERE reference = $1) AND met_at IS NULL`,
      [filed.reference],
    );
    const after = await scrape();

    const count = (text: string, labels: Record<string, string>) =>
      sample(text, 'http_server_request_duration_seconds_count', labels) ?? 0;
    expect(count(after, filingRoute) - count(before, filingRoute)).toBe(2);
    expect(
      count(after, { method: 'GET', route: '/v1/admin/cases/:reference', status_code: '200' }),
    ).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain(filed.reference);

    const cases = (text: string) =>
      sample(text, 'ombudsman_cases', { status: 'referred_to_frontline' }) ?? 0;
    expect(cases(after) - cases(before)).toBe(2);
    expect(sample(after, 'ombudsman_outbox_pending_events')).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'ombudsman_outbox_lag_seconds')).toBeGreaterThan(0);
    const breached = sample(after, 'ombudsman_deadlines_open', { state: 'breached' });
    expect(breached).toBeGreaterThanOrEqual(1);
  });
});

describe('Prometheus metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers a scraper on this machine, and refuses a request forwarded by a proxy', async () => {
    const res = await t.http().get('/metrics').expect(200);
    expect(res.text).toContain('# TYPE ombudsman_cases gauge');
    await t.http().get('/metrics').set('x-forwarded-for', '203.0.113.9').expect(403);
  });
});
