import { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';

/** Route config flag (`@RouteConfig({ multipart: true })`) of the few routes that take uploads. */
export const MULTIPART_ROUTE = 'multipart';

/**
 * Uploads stream as multipart/form-data into the routes made for them; every other route takes
 * JSON only, so a form sent anywhere else is refused before a byte of it is read.
 */
export function refuseMultipartElsewhere(request: FastifyRequest): void {
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\//i.test(type)) return;
  const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
  if (config?.[MULTIPART_ROUTE] === true) return;
  throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
}
