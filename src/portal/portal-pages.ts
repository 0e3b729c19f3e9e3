import {
  CanActivate,
  ExecutionContext,
  Injectable,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest } from 'fastify';
import { MULTIPART_ROUTE } from '../common/http/multipart-routes';
import { formatCustomerDate } from '../views/texts/customer-texts';
import { fill, isLanguage, Language, LANGUAGES, portalTexts } from './texts/portal-texts';
import { PAGE_POLICY, PORTAL_FORM, verifyCsrf } from './portal-http';

const LANGUAGE_COOKIE = 'omb-lang';

/** Refuses a form post whose CSRF token does not match the visitor's secret (403). */
@Injectable()
export class CsrfGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await verifyCsrf(request.server as never, request);
    return true;
  }
}

/** A page's form post: a urlencoded body, and a CSRF token checked before anything else. */
export function PortalForm() {
  return applyDecorators(RouteConfig({ [PORTAL_FORM]: true }), UseGuards(CsrfGuard));
}

/**
 * A form post that may carry files: multipart/form-data (read by the handler as it streams),
 * or urlencoded when the form is sent without them; the CSRF token comes in the action's query.
 */
export function PortalUploadForm() {
  return applyDecorators(
    RouteConfig({ [PORTAL_FORM]: true, [MULTIPART_ROUTE]: true }),
    UseGuards(CsrfGuard),
  );
}

/**
 * The language of a page: one chosen with the switch (`?lang=`, then remembered in a cookie),
 * else the case's, else the browser's first one we write, else English.
 */
export function pageLanguage(
  request: FastifyRequest,
  reply: FastifyReply,
  caseLanguage?: string,
): Language {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLanguage(asked)) {
    void reply.setCookie(LANGUAGE_COOKIE, asked, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      maxAge: 365 * 24 * 3600,
    });
    return asked;
  }
  const kept = request.cookies[LANGUAGE_COOKIE];
  if (isLanguage(kept)) return kept;
  if (isLanguage(caseLanguage)) return caseLanguage;
  const accepted = (request.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase());
  return accepted.find(isLanguage) ?? 'en';
}

/** Renders a page with everything every page needs, and the headers every page carries. */
export async function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  lang: Language,
  data: Record<string, unknown>,
  status = 200,
): Promise<void> {
  const path = request.url.split('?')[0];
  const html = await reply.viewAsync(`${template}.eta`, {
    ...data,
    lang,
    t: portalTexts(lang),
    fill,
    date: (iso: string) => formatCustomerDate(lang, new Date(iso)),
    csrf: reply.generateCsrf(),
    path,
    languages: LANGUAGES.map((code) => ({ code, name: portalTexts(code).langName })),
  });
  void reply
    .status(status)
    .header('content-security-policy', PAGE_POLICY)
    .header('cache-control', 'no-store')
    .header('content-type', 'text/html; charset=utf-8')
    .send(html);
}

/** After a post: back to a page by GET, so a reload never posts again. */
export function seeOther(reply: FastifyReply, location: string): void {
  void reply.header('cache-control', 'no-store').redirect(location, 303);
}
