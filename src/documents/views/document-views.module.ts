import { Module } from '@nestjs/common';
import { DocumentsRepository } from '../documents.repository';
import { DocumentViews } from './document-views';

/** Read-only, and depends on nothing but the database: the read models (src/views) show documents. */
@Module({
  providers: [DocumentsRepository, DocumentViews],
  exports: [DocumentsRepository, DocumentViews],
})
export class DocumentViewsModule {}
