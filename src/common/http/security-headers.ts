import { createHash } from 'node:crypto';
import { FastifyReply, FastifyRequest } from 'fastify';

const CSP = 'content-security-policy';

/** Nothing may be loaded, framed, or posted anywhere: the policy of every answer by default. */
const LOADS_NOTHING = [
  "default-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/**
 * Swagger UI at /docs: its own scripts, styles (and the two inline style blocks of its page), its
 * images (some as data: URIs), and "Try it out" requests to this origin. Nothing else.
 */
const SWAGGER_UI = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** An HTML page whose only resource is one inline style block, allowed by its hash. */
export function inlineStylePolicy(style: string): string {
  const hash = createHash('sha256').update(style).digest('base64');
  return [...LOADS_NOTHING, `style-src 'sha256-${hash}'`].join('; ');
}

const isDocs = (path: string) => path === '/docs' || path.startsWith('/docs/');

/**
 * On every answer: a Content-Security-Policy (Swagger UI's at /docs, one a route set itself, or
 * one that loads nothing), and `Cache-Control: no-store` on anything answered to a request that
 * carries credentials, so no cache keeps what a staff member or a customer was shown.
 */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  if (!reply.hasHeader(CSP)) {
    const path = request.url.split('?')[0];
    void reply.header(CSP, isDocs(path) ? SWAGGER_UI : LOADS_NOTHING.join('; '));
  }
  if (request.headers.authorization !== undefined) void reply.header('cache-control', 'no-store');
}
