import { join } from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import view from '@fastify/view';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Eta } from 'eta';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';

/** Route config flag of the pages' form posts: the only routes that read urlencoded bodies. */
export const PORTAL_FORM = 'portalForm';
const FORM_BODY_LIMIT = 64 * 1024;
const FORM_MAX_FIELDS = 40;

/**
 * The pages' policy: their own stylesheet and script, forms posted only here, no inline script
 * or style, nothing framed. Set on every page; src/common/http/security-headers.ts keeps a
 * route's own policy.
 */
export const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function isFormRoute(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
  return config?.[PORTAL_FORM] === true;
}

/** A flat form: one value per name, at most a few dozen names, none of them inherited keys. */
function parseForm(text: string): Record<string, string> {
  const form: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  for (const [name, value] of new URLSearchParams(text)) {
    if (++count > FORM_MAX_FIELDS || value.includes('\u0000')) {
      throw new DomainError('BAD_REQUEST', 'The form has too many fields or a NUL byte');
    }
    form[name] = value;
  }
  return form;
}

/**
 * Cookies, CSRF tokens (@fastify/csrf-protection: a secret in an HttpOnly, SameSite=Strict cookie,
 * a token in every form), eta templates (auto-escaping) through @fastify/view, and the form body
 * parser, which refuses a form sent to any route but a page's.
 */
export async function registerPortal(app: NestFastifyApplication, config: AppConfig) {
  const secure = config.nodeEnv === 'production';
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: secure ? '__Host-omb-csrf' : 'omb-csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure },
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined;
      const query = request.query as Record<string, unknown> | undefined;
      const token = body?._csrf ?? query?._csrf;
      return typeof token === 'string' ? token : undefined;
    },
  });
  await app.register(view, {
    engine: { eta: new Eta({ autoEscape: true, autoTrim: false }) },
    root: join(__dirname, 'templates'),
    production: true,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (request, body, done) => {
        if (!isFormRoute(request)) {
          done(new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'));
          return;
        }
        try {
          done(null, parseForm(String(body)));
        } catch (error) {
          done(error as Error);
        }
      },
    );
}

/** Checks the form's CSRF token with the plugin's own check; a refusal is thrown, not sent. */
export function verifyCsrf(
  app: { csrfProtection: (...args: never[]) => void },
  request: FastifyRequest,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = app.csrfProtection as unknown as (
      req: FastifyRequest,
      reply: Pick<FastifyReply, 'send'>,
      next: () => void,
    ) => void;
    check(request, { send: (error: unknown) => reject(error as Error) } as never, resolve);
  });
}
