import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActorRef } from '../auth/actor';
import { CaseEntity } from '../cases/case.entity';
import { InformationRequestsService } from '../cases/information-requests/information-requests.service';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../common/pagination/cursor';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CaseDocumentEntity, UploaderSide } from './case-document.entity';
import { partyAccessExpired, Viewer } from './document-visibility';
import { DocumentsRepository } from './documents.repository';
import {
  caseClosedForUploads,
  documentNotFound,
  documentWithdrawn,
  tooManyDocuments,
} from './documents.errors';
import { DocumentRecords } from './document-records';
import { DocumentKeys } from './document-keys';
import { DocumentReader, OpenedDocument } from './document-reader';
import { WrittenFile } from './storage/document-store.port';
import { DocumentStores } from './storage/document-stores';
import { CHUNK_SIZE, IncomingFile } from './upload/incoming-file';
import { UploadSource } from './upload/upload-form';

export interface Uploader {
  readonly side: UploaderSide;
  readonly actor: ActorRef & { readonly name?: string };
}

/** The rules of evidence on a case: who may add, see, share and withdraw it, and its integrity. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly stores: DocumentStores,
    private readonly records: DocumentRecords,
    private readonly reader: DocumentReader,
    private readonly keys: DocumentKeys,
    private readonly requests: InformationRequestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(c: CaseEntity, uploader: Uploader, form: UploadSource): Promise<CaseDocumentEntity> {
    if (uploader.side !== 'office' && c.status === 'closed')
      throw caseClosedForUploads(c.reference);
    const { maxPerCase, maxBytes } = this.config.documents;
    if ((await this.documents.count(c.id)) >= maxPerCase) throw tooManyDocuments(maxPerCase);
    const part = await form.file();
    const incoming = new IncomingFile(
      part.bytes,
      { contentType: part.declaredType, filename: part.filename },
      maxBytes,
    );
    const store = this.stores.forWriting();
    const id = randomUUID();
    const { cipher, wrappedKey } = this.keys.forNewDocument(id);
    let written: WrittenFile | undefined;
    try {
      return await this.dataSource.transaction(async (m) => {
        written = await store.write(m, id, cipher.encrypt(incoming.frames()));
        const received = incoming.result();
        const fields = await form.rest();
        if (fields.informationRequestId && uploader.side !== 'company') {
          throw new DomainError(
            'VALIDATION_FAILED',
            'informationRequestId: only the company answers with documents',
            {},
            [
              {
                field: 'informationRequestId',
                message: 'field informationRequestId should not exist',
              },
            ],
          );
        }
        await this.documents.lockCase(m, c.id);
        if ((await this.documents.count(c.id, m)) >= maxPerCase) throw tooManyDocuments(maxPerCase);
        const filename = part.filename;
        const answered = fields.informationRequestId
          ? await this.requests.answer(m, c, 'company', {
              text: `Document: ${filename}`,
              by: uploader.actor.sub,
              informationRequestId: fields.informationRequestId,
            })
          : null;
        const doc = await this.documents.insert(m, {
          id,
          caseId: c.id,
          filename,
          contentType: received.contentType,
          size: received.size,
          sha256: received.sha256,
          description: fields.description ?? null,
          informationRequestId: answered,
          uploaderSide: uploader.side,
          uploadedBySub: uploader.actor.sub,
          uploadedByRole: uploader.actor.role,
          uploadedByName: uploader.actor.name ?? null,
          store: store.kind,
          storageKey: written.storageKey,
          chunkSize: CHUNK_SIZE,
          chunkDigests: written.frameDigests,
          wrappedKey,
        });
        await this.records.added(m, c, doc, uploader.actor);
        return doc;
      });
    } catch (error) {
      if (written) await store.discard(written.storageKey).catch(() => undefined);
      throw error;
    }
  }

  async list(
    c: CaseEntity,
    viewer: Viewer,
    page: { limit?: number; cursor?: string },
  ): Promise<Page<CaseDocumentEntity>> {
    this.assertPartyAccess(c, viewer);
    const limit = page.limit ?? 25;
    const after = page.cursor
      ? (decodeCursor(page.cursor, ['string', 'string']) as [string, string])
      : undefined;
    const rows = await this.documents.list(c.id, viewer, { limit: limit + 1, after });
    return toPage(
      rows,
      limit,
      (doc) => doc,
      (doc) => [doc.uploadedAt.toISOString(), doc.id],
    );
  }

  async share(
    c: CaseEntity,
    id: string,
    party: 'customer' | 'company',
    actor: Uploader['actor'],
  ): Promise<CaseDocumentEntity> {
    const doc = await this.visible(c, id, 'office');
    if (doc.withdrawnAt) throw documentWithdrawn(id);
    return this.dataSource.transaction(async (m) => {
      const shared = await this.documents.share(m, id, party);
      if (!shared) return (await this.documents.find(c.id, id, 'office')) ?? doc;
      await this.records.shared(m, c, shared, actor, party);
      return shared;
    });
  }

  async withdraw(
    c: CaseEntity,
    id: string,
    reason: string,
    actor: Uploader['actor'],
  ): Promise<CaseDocumentEntity> {
    const before = await this.visible(c, id, 'office');
    return this.dataSource.transaction(async (m) => {
      const after = await this.documents.withdraw(m, id, actor.sub, reason);
      if (!after) throw documentWithdrawn(id);
      await this.records.withdrawn(m, c, before, after, actor);
      return after;
    });
  }

  /** Opens a document this viewer may see, checked against its digests before a byte is sent. */
  async open(c: CaseEntity, viewer: Viewer, id: string): Promise<OpenedDocument> {
    return this.reader.open(await this.visible(c, id, viewer));
  }

  private async visible(c: CaseEntity, id: string, viewer: Viewer): Promise<CaseDocumentEntity> {
    this.assertPartyAccess(c, viewer);
    const doc = await this.documents.find(c.id, id, viewer);
    if (!doc) throw documentNotFound(id);
    return doc;
  }

  private assertPartyAccess(c: CaseEntity, viewer: Viewer): void {
    const days = this.config.documents.partyAccessDaysAfterClosure;
    if (viewer !== 'office' && partyAccessExpired(c.closedAt, new Date(), days)) {
      throw new DomainError(
        'DOCUMENT_NOT_FOUND',
        `The documents of case ${c.reference} are no longer available to its parties`,
      );
    }
  }
}
