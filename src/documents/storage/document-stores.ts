import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { storeUnavailable } from '../documents.errors';
import { DocumentStore } from './document-store.port';
import { PostgresDocumentStore } from './postgres-document.store';
import { S3DocumentStore } from './s3-document.store';

/**
 * New documents go to the configured store; each stored document is read from the store its row
 * names, so changing DOCUMENT_STORE never strands what was already kept.
 */
@Injectable()
export class DocumentStores {
  private readonly s3?: S3DocumentStore;

  constructor(
    private readonly postgres: PostgresDocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const s3 = config.documents.s3;
    if (s3) this.s3 = new S3DocumentStore(s3);
  }

  forWriting(): DocumentStore {
    return this.forReading(this.config.documents.store);
  }

  forReading(kind: 'postgres' | 's3'): DocumentStore {
    if (kind === 'postgres') return this.postgres;
    if (this.s3) return this.s3;
    throw storeUnavailable(`Documents kept in ${kind} cannot be reached by this instance`);
  }
}
