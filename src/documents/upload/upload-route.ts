import { applyDecorators, HttpCode, Type } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiCreatedResponse } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems } from '../../common/openapi/api-problems';
import { MULTIPART_ROUTE } from '../../common/http/multipart-routes';
import { DocumentDto } from '../dto/document.dto';
import { UploadForm } from './upload-form';

/** An upload route: the only kind that accepts multipart/form-data, documented as such. */
export function UploadRoute(body: { schema: object }, answer: Type = DocumentDto) {
  return applyDecorators(
    RouteConfig({ [MULTIPART_ROUTE]: true }),
    HttpCode(201),
    ApiConsumes('multipart/form-data'),
    ApiBody(body),
    ApiCreatedResponse({ type: answer }),
    ApiProblems(400, 409, 413, 415, 503),
  );
}

/**
 * Runs an upload. A refused upload may leave the client still sending: the answer closes the
 * connection, so the rest of the body is never read.
 */
export async function receiveUpload<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  maxBytes: number,
  run: (form: UploadForm) => Promise<T>,
): Promise<T> {
  try {
    return await run(UploadForm.open(request, maxBytes));
  } catch (error) {
    void reply.header('connection', 'close');
    throw error;
  }
}
