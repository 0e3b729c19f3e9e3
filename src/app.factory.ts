import { Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { DestinationStream, Logger } from 'pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { ProblemFilter } from './common/errors/problem.filter';
import { validationFailed } from './common/errors/validation-errors';
import { NestPinoLogger, createLogger } from './common/logging/pino-logger';
import { requestIdFor } from './common/http/request-id';
import { RouteTable } from './common/http/route-table';
import { refuseUnsafeBody } from './common/http/body-guard';
import { refuseMultipartElsewhere } from './common/http/multipart-routes';
import { buildOpenApiDocument, mountSwagger } from './common/openapi/swagger';

export interface AppOptions {
  /** Extra modules mounted beside the service's own (tests use probe routes). */
  readonly extraModules?: Type[];
  /** Where log lines go; stdout when absent. */
  readonly logStream?: DestinationStream;
}

export interface CreatedApp {
  readonly app: NestFastifyApplication;
  readonly logger: Logger;
}

/** Builds the HTTP application exactly as production runs it; tests and the bench use it too. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<CreatedApp> {
  const logger = createLogger(config.logLevel, options.logStream);
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: requestIdFor,
    return503OnClosing: true,
  });
  const routes = new RouteTable();
  const fastify = adapter.getInstance();
  // JSON only: without this, Fastify's built-in text/plain parser lets non-JSON bodies through.
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onRoute', (route) => routes.add(route.method, route.url));
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    refuseMultipartElsewhere(request);
  });
  fastify.addHook('preValidation', async (request) => refuseUnsafeBody(request.body));
  // Requests in flight at shutdown finish, and their keep-alive sockets close behind them, so
  // closing never waits for a client's idle connection to time out.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
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
    },
  );
  const filter = new ProblemFilter(routes);
  await app.register(helmet, { contentSecurityPolicy: false });
  // Streams only, for the upload routes (see common/http/multipart-routes.ts); the documents
  // module sets the per-file limits.
  await app.register(multipart, { limits: { fileSize: config.documents.maxBytes, files: 1 } });
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
  return { app, logger };
}
