import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signStaffToken } from '../../../src/auth/token-signer';
import { JwtRole } from '../../../src/auth/roles';
import { freePort } from '../../support/free-port';
import { ServiceProcess, spawnService, waitUntilReady } from '../../support/service-process';

export const FAULT_SECRET = 'fault-suite-secret-that-is-long-enough-0123456789abcdef';

export interface Instance {
  readonly base: string;
  readonly port: number;
  service: ServiceProcess;
  /** Starts the process again on the same port and settings (after a kill). */
  restart(): Promise<void>;
  kill9(): Promise<void>;
  /** Writes what the process printed to a file in the temporary folder and returns its path. */
  saveOutput(name: string): string;
  /** SIGTERM, and the exit code once it has exited. */
  terminate(): Promise<number | null>;
}

/**
 * One instance of the service as its own process (src/main.ts, as `npm start` runs it), on a
 * database of the test's choosing. Background jobs run at production-like intervals unless the
 * test sets them: the suite is about what real processes do.
 */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const settings = {
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: FAULT_SECRET,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    LOG_LEVEL: 'warn',
    ...env,
  };
  const base = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    base,
    port,
    service: spawnService(settings),
    async restart() {
      instance.service = spawnService(settings);
      await waitUntilReady(base, instance.service);
    },
    async kill9() {
      if (instance.service.child.exitCode === null) instance.service.child.kill('SIGKILL');
      await instance.service.exited;
    },
    saveOutput(name: string) {
      const file = join(tmpdir(), `ombudsman-fault-${name}-${port}.log`);
      writeFileSync(file, instance.service.output());
      return file;
    },
    async terminate() {
      if (instance.service.child.exitCode === null && instance.service.child.signalCode === null)
        instance.service.child.kill('SIGTERM');
      return instance.service.exited;
    },
  };
  await waitUntilReady(base, instance.service);
  return instance;
}

export function staffToken(role: JwtRole, sub: string = role, name?: string): string {
  return signStaffToken(FAULT_SECRET, { sub, roles: [role], name: name ?? `${sub} (fault suite)` });
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly text: string;
}

/** One JSON request; network failures answer status 0 with the error as text. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: {
    token?: string;
    body?: unknown;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: res.status, headers: res.headers, body, text };
  } catch (error) {
    return { status: 0, headers: new Headers(), body: undefined, text: String(error) };
  }
}

let filings = 0;

/** A filing body unique to this run (the subject carries a tag the test can find again). */
export function filing(tag: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  filings += 1;
  return {
    customer: { name: 'Анна Петрова', email: `anna+${filings}@example.org` },
    subject: `${tag} ${filings}`,
    description: 'I returned the goods and the deposit was never refunded.',
    amountInDispute: { amountMinor: 12550, currency: 'EUR' },
    preferredLanguage: 'en',
    ...extra,
  };
}
