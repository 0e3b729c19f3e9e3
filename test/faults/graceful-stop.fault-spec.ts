import { Client } from 'pg';
import { createTestDatabase } from '../support/database';
import { filing, Instance, startInstance } from './support/instances';
import { reportFigures, setting, sleep } from './support/figures';
import { RawOutcome, rawJson } from './support/raw-client';

const CONNECTIONS = setting('FAULT_STOP_CONNECTIONS', 50);
const LOAD_BEFORE_STOP_MS = setting('FAULT_STOP_LOAD_SECONDS', 5) * 1000;

jest.setTimeout(240_000);

describe('fault: SIGTERM while 50 connections file cases', () => {
  let databaseUrl: string;
  let service: Instance;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    service = await startInstance({
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_PER_MINUTE: '1000000',
      SLA_SWEEP_INTERVAL_MS: '500',
      WEBHOOK_DISPATCH_INTERVAL_MS: '200',
      MAIL_DISPATCH_INTERVAL_MS: '200',
      LOG_LEVEL: 'info',
    });
  });

  afterAll(async () => {
    await service?.kill9();
  });

  it('finishes every request in flight, closes the port and exits cleanly within 10 s', async () => {
    const outcomes: RawOutcome[] = [];
    let stopping = false;
    let signalledAt = Number.POSITIVE_INFINITY;
    const worker = async () => {
      while (!stopping || Date.now() - signalledAt < 1000) {
        const res = await rawJson(service.port, 'POST', '/v1/escalations', filing('graceful-stop'));
        outcomes.push(res);
        if (res.error === 'ECONNREFUSED') break;
      }
    };
    const workers = Array.from({ length: CONNECTIONS }, () => worker());
    await sleep(LOAD_BEFORE_STOP_MS);
    stopping = true;
    signalledAt = Date.now();
    const exitCode = await service.terminate();
    const exitMs = Date.now() - signalledAt;
    await Promise.all(workers);

    const inFlight = outcomes.filter((o) => o.startedAt < signalledAt);
    // Known gap (see the closing note of issue 18): under load a connection the kernel accepted
    // just before the signal but whose request Node had not parsed yet is closed as idle at
    // shutdown (ECONNRESET). It left nothing behind (stored = answered, below), so the client
    // may resend it; it is counted in reset_in_flight, and every other failure fails the test.
    const resetInFlight = inFlight.filter((o) => o.error === 'ECONNRESET');
    const failedInFlight = inFlight.filter((o) => o.status !== 201 && o.error !== 'ECONNRESET');
    const after = outcomes.filter((o) => o.startedAt >= signalledAt);
    // After the signal a new request is served, answered 503 (closing), refused, or its connection
    // is closed before the service read it (reset); the last two left nothing behind (checked
    // below: stored = answered), so the client may safely send it elsewhere. Anything else fails.
    const neverServed = (o: RawOutcome) => o.error === 'ECONNREFUSED' || o.error === 'ECONNRESET';
    const failedAfter = after.filter((o) => ![201, 503].includes(o.status) && !neverServed(o));
    const portClosed =
      (await rawJson(service.port, 'GET', '/health/live')).error === 'ECONNREFUSED';

    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ombudsman' AND datname = current_database()`,
    );
    const stored = await client.query(
      `SELECT count(*)::int AS n FROM ombudsman_case WHERE subject LIKE 'graceful-stop %'`,
    );
    await client.end();
    const answered201 = outcomes.filter((o) => o.status === 201).length;
    const output = service.service.output();
    const jobErrors = output
      .split('\n')
      .filter(
        (line) => /"level":(50|60)/.test(line) || (/failed/.test(line) && /"level":40/.test(line)),
      );

    reportFigures('graceful-stop', {
      connections: CONNECTIONS,
      requests: outcomes.length,
      in_flight: inFlight.length,
      failed_in_flight: failedInFlight.length,
      reset_in_flight: resetInFlight.length,
      failed_after_signal: failedAfter.length,
      served_after_signal: after.filter((o) => o.status === 201).length,
      closing_503_after_signal: after.filter((o) => o.status === 503).length,
      refused_after_signal: after.filter((o) => o.error === 'ECONNREFUSED').length,
      reset_after_signal: after.filter((o) => o.error === 'ECONNRESET').length,
      lost: answered201 - stored.rows[0].n,
      duplicated: Math.max(0, stored.rows[0].n - answered201),
      exit_code: exitCode ?? 'none',
      exit_ms: exitMs,
      port_closed: portClosed,
      pool_connections_left: rows[0].n,
      job_errors: jobErrors.length,
    });

    expect(failedInFlight.slice(0, 3)).toEqual([]);
    expect(failedAfter.slice(0, 3)).toEqual([]);
    expect(exitCode).toBe(0);
    expect(exitMs).toBeLessThanOrEqual(10_000);
    expect(portClosed).toBe(true);
    expect(rows[0].n).toBe(0);
    expect(stored.rows[0].n).toBe(answered201);
    expect(jobErrors).toEqual([]);
    expect(output).toMatch(/shutdown complete/);
  });
});
