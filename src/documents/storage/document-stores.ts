import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { storeUnavailable } from '../documents.errors';
import { DocumentStore } from './document-store.port';
import { PostgresDocumentStore } from './postgres-document.store';

/**
 * New documents go to the configured store; each stored document is read from the store its row
 * names, so changing DOCUMENT_STORE never strands what was already kept.
 */
@Injectable()
export class DocumentStores {
  constructor(
    private readonly postgres: PostgresDocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  forWriting(): DocumentStore {
    return this.forReading(this.config.documents.store);
  }

  forReading(kind: 'postgres' | 's3'): DocumentStore {
    if (kind === 'postgres') return this.postgres;
    throw storeUnavailable(`Documents kept in ${kind} cannot be reached by this instance`);
  }
}
