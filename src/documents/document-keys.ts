import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CaseDocumentEntity } from './case-document.entity';
import { storeUnavailable } from './documents.errors';
import { DocumentCipher } from './storage/document-cipher';

/** The data keys of documents, wrapped by DOCUMENT_MASTER_KEY. */
@Injectable()
export class DocumentKeys {
  private readonly logger = new Logger('Documents');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  forNewDocument(documentId: string) {
    return DocumentCipher.forNewDocument(this.masterKey(), documentId);
  }

  forStoredDocument(doc: CaseDocumentEntity, wrappedKey: Buffer): DocumentCipher {
    const masterKey = this.masterKey();
    try {
      return DocumentCipher.forStoredDocument(masterKey, doc.id, wrappedKey);
    } catch {
      this.logger.error({
        msg: 'document key cannot be unwrapped: DOCUMENT_MASTER_KEY changed, or the key was altered',
        documentId: doc.id,
        caseId: doc.caseId,
      });
      throw storeUnavailable(`Document ${doc.id} cannot be decrypted with the configured key`);
    }
  }

  private masterKey(): string {
    const key = this.config.documents.masterKey;
    if (!key) {
      throw storeUnavailable(
        'Documents cannot be protected: set DOCUMENT_MASTER_KEY (JWT_PUBLIC_KEY is no secret)',
      );
    }
    return key;
  }
}
