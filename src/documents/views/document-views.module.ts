import { Module } from '@nestjs/common';
import { DocumentsRepository } from '../documents.repository';
import { DocumentViews } from './document-views';

/**
 * Read-only, and depends on nothing but the database, so the case module (staff and company
 * views) and the escalation module (customer view) can show documents while the documents module
 * itself depends on cases.
 */
@Module({
  providers: [DocumentsRepository, DocumentViews],
  exports: [DocumentsRepository, DocumentViews],
})
export class DocumentViewsModule {}
