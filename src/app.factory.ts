import { IncomingMessage } from 'node:http';
import { Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from '@fastify/helmet';
import { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { DestinationStream, Logger } from 'pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { ProblemFilter } from './common/errors/problem.filter';
import { validationFailed } from './common/errors/validation-errors';
import { NestPinoLogger, createLogger } from './common/logging/pino-logger';
import { requestIdFor } from './common/http/request-id';
import { RouteTable } from './common/http/route-table';
import { useGuardedJsonParser } from './common/http/json-body-parser';
import { isPublicRoute } from './common/http/public-routes';
import { refuseBadBytes } from './common/http/bad-bytes';
import { answerClientError } from './common/http/client-errors';
import { capConnections, timeoutOptions } from './bootstrap/server-limits';
import { ConnectionDrain } from './bootstrap/connection-drain';
import { applySecurityHeaders } from './common/http/security-headers';
import { hasLargeBody } from './common/http/large-body';
import { refuseMultipartElsewhere } from './common/http/multipart-routes';
import { buildOpenApiDocument, mountSwagger } from './common/openapi/swagger';
import { MetricsRegistry } from './observability/metrics/metrics-registry';
import { registerPortal } from './portal/portal-http';

export interface AppOptions {
  /** Extra modules mounted beside the service's own (tests use probe routes). */
  readonly extraModules?: Type[];
  /** Where log lines go; stdout when absent. */
  readonly logStream?: DestinationStream;
}

export interface CreatedApp {
  readonly app: NestFastifyApplication;
  readonly logger: Logger;
  /** The HTTP half of a graceful stop; src/main.ts drains before it closes the app. */
  readonly drain: ConnectionDrain;
}

/** Builds the HTTP application exactly as production runs it; tests and the bench use it too. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<CreatedApp> {
  const logger = createLogger(config.logLevel, options.logStream);
  // Loaded only with tracing on: off, nothing of OpenTelemetry is required.
  const tagRequestSpan = config.tracing.enabled
    ? (await import('./observability/tracing/request-span')).tagRequestSpan
    : undefined;
  const routes = new RouteTable();
  const filter = new ProblemFilter(routes);
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: tagRequestSpan
      ? (request: IncomingMessage) => {
          const id = requestIdFor(request);
          tagRequestSpan(id);
          return id;
        }
      : requestIdFor,
    return503OnClosing: true,
    ...timeoutOptions(config.http),
    // Fastify's own answers (bad URL, over-long parameter, unparsable request) as problem+json.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      filter.send(error, request, reply),
    clientErrorHandler: answerClientError,
  });
  const fastify = adapter.getInstance();
  capConnections(fastify.server, config.http);
  // JSON only: without this, Fastify's built-in text/plain parser lets non-JSON bodies through.
  fastify.removeContentTypeParser('text/plain');
  useGuardedJsonParser(fastify, (request) => ({
    // A bulk route carries many records: its own size and node limits (IMPORT_BODY_*).
    maxNodes: hasLargeBody(request.routeOptions.config)
      ? config.http.importBodyMaxNodes
      : config.http.bodyMaxNodes,
    maxDepth: config.http.bodyMaxDepth,
  }));
  fastify.addHook('onRoute', (route) => {
    routes.add(route.method, route.url);
    // Anyone may send these a body: they get the smaller limit.
    if (isPublicRoute(route.url)) route.bodyLimit = config.http.publicBodyLimitBytes;
    if (hasLargeBody(route.config)) route.bodyLimit = config.http.importBodyLimitBytes;
  });
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    refuseBadBytes(request.raw.url ?? request.url, request.headers);
    refuseMultipartElsewhere(request);
  });
  // Requests in flight at shutdown finish, and their keep-alive sockets close behind them, so
  // closing never waits for a client's idle connection to time out (src/bootstrap/connection-drain.ts).
  const drain = new ConnectionDrain(fastify.server);
  fastify.addHook('preClose', async () => drain.markClosing());
  fastify.addHook('onSend', async (request, reply) => {
    applySecurityHeaders(request, reply);
    if (drain.closing) void reply.header('connection', 'close');
  });
  fastify.addHook('onResponse', async (request, reply) => {
    // One line per request; never headers or bodies, which may carry tokens and personal data.
    logger.info(
      {
        requestId: request.id,
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options.extraModules),
    adapter,
    {
      logger: new NestPinoLogger(logger),
      abortOnError: false,
      // Nest's parsers would replace the guarded JSON parser and accept form bodies: JSON only.
      bodyParser: false,
    },
  );
  const metrics = app.get(MetricsRegistry);
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  await app.register(helmet, { contentSecurityPolicy: false });
  // Streams only, for the upload routes (see common/http/multipart-routes.ts); the documents
  // module sets the per-file limits.
  await app.register(multipart, { limits: { fileSize: config.documents.maxBytes, files: 1 } });
  await registerPortal(app, config);
  app.useGlobalFilters(filter);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      exceptionFactory: validationFailed,
    }),
  );
  mountSwagger(app, buildOpenApiDocument(app));
  await app.init();
  return { app, logger, drain };
}
