import { trace } from '@opentelemetry/api';

/** The attribute that names the request id (`X-Request-Id`) on the request's server span. */
export const REQUEST_ID_ATTRIBUTE = 'http.request.id';

/**
 * Called while Fastify assigns the request id, which it does synchronously inside the HTTP server
 * span (before any hook span starts): the id lands on the trace's root span, so a problem's
 * `correlationId` or a log line leads straight to its trace.
 */
export function tagRequestSpan(requestId: string): void {
  trace.getActiveSpan()?.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
}
