import { Injectable, Logger } from '@nestjs/common';
import { createHash, Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DomainError } from '../common/errors/domain-error';
import { CaseDocumentEntity } from './case-document.entity';
import { DocumentsRepository } from './documents.repository';
import { integrityFailed } from './documents.errors';
import { DocumentKeys } from './document-keys';
import { DocumentCipher, FRAME_OVERHEAD } from './storage/document-cipher';
import { StoredRef } from './storage/document-store.port';
import { DocumentStores } from './storage/document-stores';

export interface OpenedDocument {
  readonly doc: CaseDocumentEntity;
  /** The file's bytes, each frame checked before it leaves; ends in an error if one is not. */
  readonly content: Readable;
}

const DIGEST_BYTES = 32;

/**
 * Reads a document back, checking every frame as it streams instead of the whole file first.
 *
 * What is trusted: the document's `document.added` entry in the case's hash-chained audit log,
 * which holds the file's SHA-256, its size, and `storedDigest`, the SHA-256 of the list of the
 * stored frames' SHA-256s (`chunk_digests`, taken as the frames were written). That list is a
 * one-level hash tree: its root is audited, its leaves name each stored frame.
 *
 * Before any header is sent (a failure here is a 500 `DOCUMENT_INTEGRITY_FAILED` problem):
 * 1. the row agrees with its audit entry: same SHA-256, same size, and the row's frame digests
 *    hash to the audited root, so the list used below is the one recorded at upload;
 * 2. the store holds exactly as many frames and bytes as that list and size say (no frame
 *    removed or added; nothing read but sizes);
 * 3. the first frame is read, its SHA-256 matches the first leaf, and it decrypts: AES-256-GCM
 *    authenticates it under the document's own key, at its place (the document id and the frame
 *    number are its associated data).
 *
 * While streaming, every further frame passes the same two checks (its leaf, then GCM) before a
 * byte of it is sent, and at the end the frame count, the size and the SHA-256 of the whole
 * plaintext must equal the audited ones. A later failure cannot become a problem answer any more
 * (the headers are gone): it is logged at error level and the stream is destroyed, so the
 * connection is cut before the declared Content-Length and no client takes the file as whole.
 * A frame that fails is never sent. The download costs one pass over the bytes, overlapped with
 * reading the next frames, and the first byte waits for one frame rather than the whole file.
 */
@Injectable()
export class DocumentReader {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly stores: DocumentStores,
    private readonly keys: DocumentKeys,
    private readonly documents: DocumentsRepository,
  ) {}

  async open(doc: CaseDocumentEntity): Promise<OpenedDocument> {
    const store = this.stores.forReading(doc.store);
    const cipher = doc.wrappedKey ? this.keys.forStoredDocument(doc, doc.wrappedKey) : undefined;
    const overhead = cipher ? FRAME_OVERHEAD : 0;
    const ref: StoredRef = {
      id: doc.id,
      storageKey: doc.storageKey,
      frameSize: doc.chunkSize + overhead,
    };
    const leaves = splitDigests(doc.chunkDigests);
    const frames = store.read(ref)[Symbol.asyncIterator]();
    const check = new FrameCheck(doc, leaves, cipher, (why) => this.tampered(doc, why));
    try {
      const [audited, layout, first] = await Promise.all([
        this.documents.auditedUpload(doc.caseId, doc.id),
        store.layout(ref),
        frames.next(),
      ]);
      if (!audited) throw this.tampered(doc, 'its upload is not in the audit chain');
      if (audited.sha256 !== doc.sha256 || audited.size !== doc.size)
        throw this.tampered(doc, 'its row differs from its audited SHA-256 or size');
      if (audited.storedDigest !== sha256Hex(doc.chunkDigests))
        throw this.tampered(doc, 'its frame digests differ from the audited root');
      if (layout.frames !== leaves.length || layout.bytes !== doc.size + leaves.length * overhead)
        throw this.tampered(doc, 'the store holds other frames than were recorded');
      if (first.done) throw this.tampered(doc, 'frame 0 is missing');
      const opening = check.next(first.value);
      return { doc, content: Readable.from(streamFrom(opening, frames, check)) };
    } catch (error) {
      await frames.return?.();
      throw error;
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

async function* streamFrom(
  opening: Buffer,
  frames: AsyncIterator<Buffer>,
  check: FrameCheck,
): AsyncGenerator<Buffer> {
  try {
    yield opening;
    for (let next = await frames.next(); !next.done; next = await frames.next())
      yield check.next(next.value);
    check.end();
  } finally {
    await frames.return?.();
  }
}

/** The checks every stored frame passes, in order, and those the whole file passes at its end. */
class FrameCheck {
  private readonly whole: Hash = createHash('sha256');
  private seq = 0;
  private size = 0;

  constructor(
    private readonly doc: CaseDocumentEntity,
    private readonly leaves: readonly Buffer[],
    private readonly cipher: DocumentCipher | undefined,
    private readonly tampered: (why: string) => Error,
  ) {}

  /** Answers the frame's plaintext, or throws before any of it is sent. */
  next(stored: Buffer): Buffer {
    const seq = this.seq;
    const leaf = this.leaves[seq];
    if (!leaf) throw this.tampered(`frame ${seq} is beyond the recorded ${this.leaves.length}`);
    if (!createHash('sha256').update(stored).digest().equals(leaf))
      throw this.tampered(`frame ${seq} differs from its recorded digest`);
    let plain: Buffer;
    try {
      plain = this.cipher ? this.cipher.decrypt(stored, seq) : stored;
    } catch {
      throw this.tampered(`frame ${seq} does not decrypt to what was stored`);
    }
    this.whole.update(plain);
    this.size += plain.length;
    this.seq += 1;
    return plain;
  }

  end(): void {
    if (this.seq !== this.leaves.length) throw this.tampered(`only ${this.seq} frames were read`);
    if (this.size !== this.doc.size || this.whole.digest('hex') !== this.doc.sha256)
      throw this.tampered('the bytes read differ from the SHA-256 recorded at upload');
  }
}

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function splitDigests(all: Buffer): Buffer[] {
  const digests: Buffer[] = [];
  for (let i = 0; i < all.length; i += DIGEST_BYTES)
    digests.push(all.subarray(i, i + DIGEST_BYTES));
  return digests;
}
