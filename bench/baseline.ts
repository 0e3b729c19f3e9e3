/**
 * The baseline: the bench scenarios' routes written by hand on node:http + pg (same pool size as
 * the service), to show what the framework stack costs. Env: PORT, DATABASE_URL.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { BASELINE_ROUTES } from './baseline-handlers';
import { BaselineResponse } from './baseline-handlers/types';
import { Router } from './lib/router';

const POOL_SIZE = 20;
const port = Number(process.env.PORT ?? 3001);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: POOL_SIZE });
const router = new Router([
  ...BASELINE_ROUTES,
  { method: 'GET', path: '/__baseline/ready', handle: async () => ({ status: 204 }) },
]);

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

function send(response: ServerResponse, answer: BaselineResponse): void {
  if (answer.body === undefined) {
    response.writeHead(answer.status).end();
    return;
  }
  const payload = JSON.stringify(answer.body);
  response
    .writeHead(answer.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(payload),
    })
    .end(payload);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://baseline');
  const found = router.match(request.method ?? 'GET', url.pathname);
  if (!found) return send(response, { status: 404, body: { title: 'Not Found' } });
  if ('streaming' in found.route) {
    const { params } = found;
    return found.route.serve({ pool, params, incoming: request, outgoing: response });
  }
  let body: unknown;
  try {
    body = await readJson(request);
  } catch {
    return send(response, { status: 400, body: { title: 'Malformed JSON' } });
  }
  const { params } = found;
  const route = found.route;
  send(
    response,
    await route.handle({
      pool,
      params,
      query: url.searchParams,
      headers: request.headers,
      body,
    }),
  );
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    console.error(`baseline: ${(error as Error).message}`);
    if (!response.headersSent) send(response, { status: 500, body: { title: 'Internal error' } });
  });
});

server.listen(port, '127.0.0.1', () => console.log(`baseline listening on ${port}`));

const shutdown = () => {
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
