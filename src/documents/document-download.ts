import { applyDecorators, Get, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { DOCUMENT_TYPES, servedContentType } from './document-types';
import { attachmentDisposition } from './document-filename';
import { OpenedDocument } from './document-reader';
import { UuidOr404 } from '../common/http/uuid-param.pipe';

/** A document id that is not a UUID names no document: 404, as an unknown one. */
export const DOCUMENT_ID = new UuidOr404('DOCUMENT_NOT_FOUND');

/**
 * A document goes out as an attachment with its stored type, never rendered in the service's
 * origin: `nosniff`, a sandboxing CSP in case a browser renders it anyway, and its SHA-256 as ETag.
 */
export function sendDocument(reply: FastifyReply, opened: OpenedDocument): StreamableFile {
  const { doc, content } = opened;
  void reply
    .header('content-disposition', attachmentDisposition(doc.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'private, no-store')
    .header('etag', `"${doc.sha256}"`);
  return new StreamableFile(content, {
    type: servedContentType(doc.contentType),
    length: doc.size,
  });
}

const HEADER = (description: string, example?: string) => ({
  description,
  schema: { type: 'string' as const, example },
});

/** The download's OpenAPI: one binary body per type a document may have, and its headers. */
export function ApiDocumentContent() {
  return applyDecorators(
    ApiProduces(...DOCUMENT_TYPES),
    ApiOkResponse({
      description: 'The file, as an attachment',
      content: Object.fromEntries(
        DOCUMENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
      headers: {
        'Content-Disposition': HEADER(
          "Always an attachment, the name as `filename*=UTF-8''…`",
          'attachment; filename="receipt.pdf"; filename*=UTF-8\'\'receipt.pdf',
        ),
        ETag: HEADER('The SHA-256 of the file, quoted'),
        'X-Content-Type-Options': HEADER('nosniff', 'nosniff'),
        'Content-Security-Policy': HEADER('sandbox', 'sandbox'),
      },
    }),
  );
}

/**
 * The download route every side's documents controller has, `GET …/documents/{id}/content`:
 * the handler opens the document for its side and answers `sendDocument(reply, opened)`.
 */
export function DocumentContentRoute() {
  return applyDecorators(
    Get(':id/content'),
    ApiOperation({ summary: 'Download a document (always as an attachment)' }),
    ApiParam({ name: 'id', format: 'uuid' }),
    ApiDocumentContent(),
  );
}
