import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DomainError } from '../common/errors/domain-error';
import { CaseDocumentEntity } from './case-document.entity';
import { integrityFailed } from './documents.errors';
import { DocumentKeys } from './document-keys';
import { DocumentCipher, FRAME_OVERHEAD } from './storage/document-cipher';
import { DocumentStore, StoredRef } from './storage/document-store.port';
import { DocumentStores } from './storage/document-stores';

export interface OpenedDocument {
  readonly doc: CaseDocumentEntity;
  /** The file's bytes, each frame checked before it leaves; ends in an error if the whole is not. */
  readonly content: Readable;
}

const DIGEST_BYTES = 32;

/**
 * Reads a document back. Sound before fast: the digests of the stored frames are recomputed where
 * the frames are (PostgreSQL hashes its own rows) and compared with those taken at upload, so a
 * changed, missing or reordered frame is refused with a problem before any header is sent; then
 * each frame is decrypted (GCM authenticates it) and the whole is hashed again as it streams, so
 * a change made between the check and the read cuts the transfer short instead of completing it.
 */
@Injectable()
export class DocumentReader {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly stores: DocumentStores,
    private readonly keys: DocumentKeys,
  ) {}

  /**
   * Opens a document for download after checking its stored frames against the digests taken
   * when it was uploaded: a file whose bytes changed is refused before a single byte is sent.
   */
  async open(doc: CaseDocumentEntity): Promise<OpenedDocument> {
    const store = this.stores.forReading(doc.store);
    const cipher = doc.wrappedKey ? this.keys.forStoredDocument(doc, doc.wrappedKey) : undefined;
    const frameSize = doc.chunkSize + (cipher ? FRAME_OVERHEAD : 0);
    const ref: StoredRef = { id: doc.id, storageKey: doc.storageKey, frameSize };
    const stored = await store.digests(ref);
    const expected = splitDigests(doc.chunkDigests);
    if (stored.length !== expected.length || stored.some((d, i) => !d.equals(expected[i]))) {
      throw this.tampered(doc, 'its stored frames no longer match their digests');
    }
    return { doc, content: Readable.from(this.plaintext(doc, store, ref, cipher)) };
  }

  private async *plaintext(
    doc: CaseDocumentEntity,
    store: DocumentStore,
    ref: StoredRef,
    cipher: DocumentCipher | undefined,
  ): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    for await (const stored of store.read(ref)) {
      const frame = cipher ? this.decrypted(doc, cipher, stored, seq) : stored;
      hash.update(frame);
      size += frame.length;
      seq += 1;
      yield frame;
    }
    // Only a change between the check above and this read gets here; the transfer is cut short.
    if (size !== doc.size || hash.digest('hex') !== doc.sha256) {
      throw this.tampered(doc, 'the bytes read differ from the SHA-256 recorded at upload');
    }
  }

  /** GCM checks each frame before a byte of it is sent; a frame that fails is never sent. */
  private decrypted(doc: CaseDocumentEntity, cipher: DocumentCipher, stored: Buffer, seq: number) {
    try {
      return cipher.decrypt(stored, seq);
    } catch {
      throw this.tampered(doc, `frame ${seq} does not decrypt to what was stored`);
    }
  }

  private tampered(doc: CaseDocumentEntity, why: string): DomainError {
    // Nest's logger takes the message inside the object (its second argument is a stack).
    this.logger.error({
      msg: `document integrity check failed: ${why}`,
      documentId: doc.id,
      caseId: doc.caseId,
      sha256: doc.sha256,
      store: doc.store,
    });
    return integrityFailed(doc.id);
  }
}

function splitDigests(all: Buffer): Buffer[] {
  const digests: Buffer[] = [];
  for (let i = 0; i < all.length; i += DIGEST_BYTES)
    digests.push(all.subarray(i, i + DIGEST_BYTES));
  return digests;
}
