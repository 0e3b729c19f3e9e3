import { appendFileSync, chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminQuery, createTestDatabase } from './support/database';
import { freePort } from './support/free-port';
import { spawnService, waitUntilReady } from './support/service-process';

const SECRET = 'startup-test-secret-that-is-long-enough-0123456789';

/** The last line the process printed, and proof that no stack trace came before it. */
function lastLine(output: string): string {
  const lines = output.trim().split('\n');
  expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  return lines[lines.length - 1];
}

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // The embedded server runs as the `postgres` account when the tests run as root.
  chmodSync(dir, 0o755);
  return dir;
}

// Each test starts the service (transpiled on the fly) once or twice: seconds each, more on a busy machine.
jest.setTimeout(180_000);

describe('a start that cannot succeed ends with one line naming the cause and the remedy', () => {
  it('names the port when another program already listens on it', async () => {
    const port = await freePort();
    const blocker = await occupy(port);
    try {
      const service = spawnService({
        DATABASE_URL: await createTestDatabase(),
        PORT: String(port),
        JWT_SECRET: SECRET,
      });
      expect(await service.exited).toBe(1);
      expect(lastLine(service.output())).toBe(
        `Start-up failed: port ${port} is already in use by another program: stop it, or start with PORT set to a free port`,
      );
    } finally {
      blocker.close();
    }
  });

  it('names DATA_DIR when it cannot be written', async () => {
    const dir = tempDir('ombudsman-datadir-');
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    try {
      const service = spawnService({
        DATA_DIR: join(file, 'data'),
        PORT: String(await freePort()),
      });
      expect(await service.exited).toBe(78);
      expect(lastLine(service.output())).toBe(
        `Invalid configuration: DATA_DIR (${join(file, 'data')}) cannot be created or written (ENOTDIR): set DATA_DIR to a folder you can write`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the embedded PostgreSQL port when another program holds it', async () => {
    const dir = tempDir('ombudsman-pgport-');
    const pgPort = await freePort();
    const blocker = await occupy(pgPort);
    try {
      const service = spawnService({
        DATA_DIR: dir,
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(pgPort),
      });
      expect(await service.exited).toBe(1);
      const output = service.output();
      expect(lastLine(output)).toBe(
        `Start-up failed: the embedded PostgreSQL could not listen on port ${pgPort}, which another program uses: set EMBEDDED_PG_PORT to a free port`,
      );
      expect(output).toMatch(/postgres: .*Address already in use/);
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the last log lines of an embedded PostgreSQL that refuses its configuration', async () => {
    const dir = tempDir('ombudsman-pgconf-');
    const env = {
      DATA_DIR: dir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
    };
    try {
      const first = spawnService(env);
      await waitUntilReady(`http://127.0.0.1:${env.PORT}`, first);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      appendFileSync(join(dir, 'pg', 'postgresql.conf'), '\nshared_buffers = banana\n');

      const second = spawnService(env);
      expect(await second.exited).toBe(1);
      const output = second.output();
      expect(output).toMatch(/postgres: .*invalid value for parameter "shared_buffers": "banana"/);
      expect(lastLine(output)).toMatch(
        /^Start-up failed: the embedded PostgreSQL in \S+ did not start \(exit code 1\); its last log lines are above$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the server when DATABASE_URL cannot be reached', async () => {
    const port = await freePort();
    const service = spawnService({
      DATABASE_URL: `postgres://someone:secret@127.0.0.1:${port}/ombudsman`,
      PORT: String(await freePort()),
      JWT_SECRET: SECRET,
    });
    expect(await service.exited).toBe(78);
    const line = lastLine(service.output());
    expect(line).toBe(
      `Start-up failed: cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED): check DATABASE_URL and that the server is running`,
    );
    expect(service.output()).not.toContain('secret');
  });

  it('names the user when PostgreSQL refuses the password', async () => {
    const url = new URL(await createTestDatabase());
    url.password = 'not-the-password';
    const service = spawnService({
      DATABASE_URL: url.toString(),
      PORT: String(await freePort()),
      JWT_SECRET: SECRET,
    });
    expect(await service.exited).toBe(78);
    expect(lastLine(service.output())).toBe(
      `Start-up failed: PostgreSQL at 127.0.0.1:${url.port} refused the password of user "postgres": correct the credentials in DATABASE_URL`,
    );
    expect(service.output()).not.toContain('not-the-password');
  });

  it('names the migration that failed and leaves the database as it was', async () => {
    const name = `t_broken_${process.pid}_${Date.now()}`;
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE template0`);
    await adminQuery(`CREATE TABLE audit_entry (squatter text)`, [], name);
    const url = new URL(await createTestDatabase());
    url.pathname = `/${name}`;
    const service = spawnService({
      DATABASE_URL: url.toString(),
      PORT: String(await freePort()),
      JWT_SECRET: SECRET,
    });
    expect(await service.exited).toBe(1);
    expect(lastLine(service.output())).toBe(
      'Start-up failed: migration CreateAuditLog1764000000000 failed: relation "audit_entry" already exists — ' +
        'that migration was rolled back and the service did not start; fix the cause in the database (or restore it) and start again',
    );
    const tables = await adminQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
      [],
      name,
    );
    // The squatter and the migrations' own bookkeeping table, nothing half-made.
    expect(tables[0].n).toBe(2);
  });
});
