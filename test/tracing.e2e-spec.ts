import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { filingBody } from './support/filing';
import { createTestDatabase } from './support/database';
import { freePort } from './support/free-port';
import { OtlpReceiver, startOtlpReceiver } from './support/otlp-receiver';
import { ServiceProcess, spawnService, waitUntilReady } from './support/service-process';

const ROOT = join(__dirname, '..');
const SECRET = 'a-secret-for-the-tracing-test-0123456789abcdef';

async function until<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

jest.setTimeout(180_000);

describe('OpenTelemetry traces (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  let receiver: OtlpReceiver;
  let service: ServiceProcess;
  let base: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    service = spawnService({
      DATABASE_URL: await createTestDatabase(),
      PORT: String(port),
      JWT_SECRET: SECRET,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SERVICE_NAME: 'ombudsman-test',
    });
    await waitUntilReady(base, service);
  });
  afterAll(async () => {
    service?.child.kill('SIGTERM');
    await service?.exited;
    await receiver?.close();
  });

  it('sends one trace for a filing, tagged with its request id, holding its database spans', async () => {
    const requestId = 'trace-probe-0001';
    const res = await fetch(`${base}/v1/escalations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify(filingBody()),
    });
    expect(res.status).toBe(201);

    const root = await until(() =>
      receiver.spans.find((span) => span.attributes['http.request.id'] === requestId),
    );
    expect(root.kind).toBe(2); // SERVER
    expect(root.parentSpanId ?? '').toBe('');
    const query = (span: { attributes: Record<string, unknown> }) =>
      span.attributes['db.system'] === 'postgresql' ||
      span.attributes['db.system.name'] === 'postgresql';
    const inTrace = await until(() => {
      const spans = receiver.spans.filter((span) => span.traceId === root.traceId);
      return spans.filter(query).length >= 3 ? spans : undefined;
    });
    expect(inTrace.filter((span) => span.scope.includes('fastify')).length).toBeGreaterThan(0);
    expect(
      receiver.spans.filter((span) => span.attributes['http.request.id'] === requestId),
    ).toHaveLength(1);
    const statements = inTrace.filter(query).map((span) => String(span.name));
    expect(statements.join('\n')).toMatch(/INSERT/);
  });

  it('leaves health probes out of the traces', () => {
    expect(
      receiver.spans.some((span) => String(span.attributes['url.path']).includes('/health')),
    ).toBe(false);
  });
});

describe('OpenTelemetry off', () => {
  // prom-client requires the API package (a no-op facade of a few kilobytes) to read trace ids for
  // exemplars; the SDK, the exporters and the instrumentations that patch modules stay unloaded.
  it('loads no SDK, exporter or instrumentation when no OTLP endpoint is set', () => {
    const loaded = execFileSync(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        '-e',
        "require('./src/tracing'); require('./src/app.factory'); " +
          'console.log(Object.keys(require.cache).filter((f) => ' +
          '/@opentelemetry\\/(?!api\\/)|require-in-the-middle|import-in-the-middle/.test(f)).length)',
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', TS_NODE_TRANSPILE_ONLY: 'true' },
        encoding: 'utf8',
      },
    );
    expect(loaded.trim()).toBe('0');
  });
});
