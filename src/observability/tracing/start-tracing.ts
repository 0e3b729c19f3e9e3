import { FastifyInstrumentation } from '@opentelemetry/instrumentation-fastify';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { TracingConfig } from '../../config/app-config';

/** Probes and scrapes every few seconds would drown the traces worth reading. */
const UNTRACED = /^\/(metrics|health\/)/;

/**
 * Starts the OpenTelemetry SDK: spans of incoming HTTP requests, of Fastify's hooks and handlers,
 * and of every PostgreSQL query, exported over OTLP as the standard `OTEL_*` settings say. Traces
 * only: metrics are Prometheus' (`GET /metrics`) and logs are pino's JSON lines.
 * It must run before http, fastify and pg are first required, which is why src/tracing.ts calls it
 * from the first line of src/main.ts.
 */
export function startTracing(config: TracingConfig): NodeSDK {
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED.test(request.url ?? ''),
        ignoreOutgoingRequestHook: () => false,
      }),
      new FastifyInstrumentation(),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
  return sdk;
}
