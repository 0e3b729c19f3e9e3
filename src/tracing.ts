import type { NodeSDK } from '@opentelemetry/sdk-node';
import { ConfigError } from './config/config-error';
import { readTracingConfig } from './config/tracing-config';

/**
 * The first import of src/main.ts: OpenTelemetry patches http, fastify and pg when they are
 * required, so it starts before anything else is loaded. With no OTLP endpoint it loads nothing
 * of OpenTelemetry at all.
 */
let sdk: NodeSDK | undefined;

try {
  const config = readTracingConfig();
  if (config.enabled) {
    // Required here, not imported above: with tracing off the SDK is never loaded.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startTracing } = require('./observability/tracing/start-tracing') as {
      startTracing: typeof import('./observability/tracing/start-tracing').startTracing;
    };
    sdk = startTracing(config);
  }
} catch (error) {
  // The same one line and exit code as any other bad setting; the rest of the start never runs.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(78);
}

/** Sends the spans still buffered; called when the service stops. */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
}
