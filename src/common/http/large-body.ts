import { RouteConfig } from '@nestjs/platform-fastify';

/** Route config flag read by app.factory.ts: this route takes IMPORT_BODY_LIMIT, not BODY_LIMIT. */
export const LARGE_BODY = 'largeBody';

export function hasLargeBody(config: unknown): boolean {
  return typeof config === 'object' && config !== null && LARGE_BODY in config;
}

/** A bulk route whose body may be as large as IMPORT_BODY_LIMIT. */
export const LargeBody = () => RouteConfig({ [LARGE_BODY]: true });
