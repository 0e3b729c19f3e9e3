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
    const failedInFlight = inFlight.filter((o) => o.status !== 201);
    const after = outcomes.filter((o) => o.startedAt >= signalledAt);
    // After the signal a request is served (on a connection accepted before the port closed),
    // answered 503 (it reached Fastify while the app closed), or refused at the closed port. The
    // one failure the service cannot prevent: a connection whose handshake the kernel completed
    // just as the listening socket closed is reset unread (see src/bootstrap/connection-drain.ts);
    // nothing of it is stored (checked below: stored = answered), so it is safe to send again.
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
      failed_after_signal: failedAfter.length,
      served_after_signal: after.filter((o) => o.status === 201).length,
      closing_503_after_signal: after.filter((o) => o.status === 503).length,
      refused_after_signal: after.filter((o) => o.error === 'ECONNREFUSED').length,
      reset_in_flight: inFlight.filter((o) => o.error === 'ECONNRESET').length,
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
