import { Server } from 'node:http';
import { HttpConfig } from '../config/app-config';

/**
 * Fastify's server options that cut slow clients: a whole request must arrive within the request
 * timeout and its headers within the headers timeout (408 after either), and a connection silent
 * for the connection timeout is closed, so slow-header and slow-body connections cannot pile up.
 */
export function timeoutOptions(http: HttpConfig) {
  return {
    requestTimeout: http.requestTimeoutMs,
    connectionTimeout: http.connectionTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    http: {
      requestTimeout: http.requestTimeoutMs,
      headersTimeout: http.headersTimeoutMs,
      // Node enforces both timeouts only when it checks its connections, every 30 s by default.
      connectionsCheckingInterval: Math.min(1_000, http.headersTimeoutMs),
    },
  };
}

/** Beyond this many connections at once, Node closes new ones as they arrive. */
export function capConnections(server: Server, http: HttpConfig): void {
  server.maxConnections = http.maxConnections;
}
