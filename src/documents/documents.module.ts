import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CaseTokenModule } from '../cases/access/case-token.module';
import { CompanyDocumentsController } from './company-documents.controller';
import { CustomerDocumentsController } from './customer-documents.controller';
import { DocumentRecords } from './document-records';
import { DocumentKeys } from './document-keys';
import { DocumentReader } from './document-reader';
import { DocumentsService } from './documents.service';
import { StaffDocumentsController } from './staff-documents.controller';
import { DocumentStores } from './storage/document-stores';
import { PostgresDocumentStore } from './storage/postgres-document.store';
import { DocumentViewsModule } from './views/document-views.module';

/** Evidence on a case, from each side, shown to whom the office decides, tamper-evident. */
@Module({
  imports: [CasesModule, CaseTokenModule, DocumentViewsModule],
  controllers: [CustomerDocumentsController, CompanyDocumentsController, StaffDocumentsController],
  providers: [
    DocumentsService,
    DocumentRecords,
    DocumentReader,
    DocumentKeys,
    DocumentStores,
    PostgresDocumentStore,
  ],
  exports: [DocumentsService],
})
export class DocumentsModule {}
