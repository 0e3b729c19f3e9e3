import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { signStaffToken } from '../src/auth/token-signer';
import { createTestDatabase } from './support/database';
import { freePort } from './support/free-port';
import { spawnService, waitUntilReady } from './support/service-process';

const SECRET = 'process-test-secret-that-is-long-enough-0123456789';

// Each test starts the service (transpiled on the fly) once or twice: seconds each, more on a busy machine.
jest.setTimeout(180_000);

describe('the service process', () => {
  it('refuses to start on a bad setting with one line naming it', async () => {
    const service = spawnService({ PORT: 'abc', JWT_SECRET: SECRET });
    expect(await service.exited).toBe(78);
    expect(service.output().trim()).toBe(
      'Invalid configuration: PORT must be a whole number, got "abc"',
    );
  });

  it('refuses to start in production without JWT_SECRET', async () => {
    const service = spawnService({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://x@127.0.0.1:1/x',
    });
    expect(await service.exited).toBe(78);
    expect(service.output()).toMatch(/JWT_SECRET is required in production/);
  });

  it('stops cleanly on SIGTERM and closes its database pool', async () => {
    const databaseUrl = await createTestDatabase();
    const port = await freePort();
    const service = spawnService({
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      JWT_SECRET: SECRET,
    });
    await waitUntilReady(`http://127.0.0.1:${port}`, service);
    expect(service.output()).toMatch(/listening on http:\/\/localhost:\d+ .*\/docs.*npm run token/);

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(service.output()).toMatch(/shutdown complete/);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ombudsman' AND datname = current_database()`,
    );
    await client.end();
    expect(rows[0].n).toBe(0);
  });

  it('starts an embedded PostgreSQL with no configuration and finds its data after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ombudsman-process-'));
    chmodSync(dataDir, 0o755);
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
    };
    const base = `http://127.0.0.1:${env.PORT}`;
    try {
      const first = spawnService(env);
      await waitUntilReady(base, first);
      const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim();
      const token = signStaffToken(secret, { sub: 'alice', roles: ['auditor'] });
      const db = new Client({
        connectionString: `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/ombudsman`,
      });
      await db.connect();
      await db.query(
        `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload) VALUES ('case.submitted', 'case', 'kept', '{}')`,
      );
      await db.end();
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = spawnService(env);
      await waitUntilReady(base, second);
      const verify = await fetch(`${base}/v1/admin/audit/verify`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(verify.status).toBe(200);
      const again = new Client({
        connectionString: `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/ombudsman`,
      });
      await again.connect();
      const { rows } = await again.query(`SELECT aggregate_id FROM outbox_event`);
      await again.end();
      expect(rows).toEqual([{ aggregate_id: 'kept' }]);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
