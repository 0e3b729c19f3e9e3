import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RouteTable } from '../http/route-table';
import { toProblem } from './to-problem';

/** The one place where anything thrown becomes an `application/problem+json` response. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(private readonly routes: RouteTable) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.send(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  send(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const requestId = String(request.id);
    const { problem, headers, unexpected } = toProblem(error, {
      method: request.method,
      path: request.url.split('?')[0],
      requestId,
      allowedMethods: (path) => this.routes.allowedMethods(path),
    });
    if (unexpected) this.logger.error({ err: error, requestId }, 'unexpected error');
    void reply
      .status(problem.status)
      .headers(headers)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(JSON.stringify(problem));
  }
}
