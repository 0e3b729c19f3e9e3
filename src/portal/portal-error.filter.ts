import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';
import { ERROR_CATALOG } from '../common/errors/error-codes';
import { fill, portalTexts } from './texts/portal-texts';
import { pageLanguage, renderPage } from './portal-pages';

const KNOWN = [400, 403, 404, 409, 413, 415, 422, 429, 500, 503] as const;
type Known = (typeof KNOWN)[number];

function statusOf(error: unknown): number {
  if (error instanceof DomainError) return ERROR_CATALOG[error.code].status;
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** Anything thrown on a page becomes a page in the visitor's language, with its status. */
@Catch()
export class PortalErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Portal');

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status = statusOf(error);
    if (status >= 500) this.logger.error({ err: error, requestId: request.id }, 'page failed');
    const shown: Known = (KNOWN as readonly number[]).includes(status)
      ? (status as Known)
      : status >= 500
        ? 500
        : 400;
    const lang = pageLanguage(request, reply);
    const retry =
      error instanceof DomainError
        ? (error.extensions.retryAfterSeconds as number | undefined)
        : undefined;
    if (retry !== undefined) void reply.header('retry-after', String(retry));
    const message = fill(portalTexts(lang).failure[shown], { seconds: retry ?? 60 });
    await renderPage(request, reply, 'error', lang, { message, status }, status);
  }
}
