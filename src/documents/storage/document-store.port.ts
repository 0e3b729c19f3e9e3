import { EntityManager } from 'typeorm';

/** Where a document's stored frames are, as its row records them. */
export interface StoredRef {
  readonly id: string;
  readonly storageKey: string;
  /** Bytes per stored frame (every frame but the last is exactly this long). */
  readonly frameSize: number;
}

export interface StoredLayout {
  readonly frames: number;
  readonly bytes: number;
}

export interface WrittenFile {
  readonly storageKey: string;
  /** SHA-256 of every stored frame, in order, concatenated (32 bytes each). */
  readonly frameDigests: Buffer;
}

/**
 * Keeps a document's bytes as an ordered run of opaque frames (encrypted chunks). Two adapters:
 * PostgreSQL (the default, one row per frame) and S3-compatible object storage (one object).
 * The service never holds a whole file: frames go in and come out one at a time.
 */
export abstract class DocumentStore {
  abstract readonly kind: 'postgres' | 's3';

  /**
   * Writes the frames as they come. PostgreSQL writes inside `manager`'s transaction, so a
   * refusal rolls every byte back; an object store removes what it wrote when the frames fail.
   */
  abstract write(
    manager: EntityManager,
    documentId: string,
    frames: AsyncIterable<Buffer>,
  ): Promise<WrittenFile>;

  /** How many frames are stored now, and their bytes in all, without moving the bytes. */
  abstract layout(ref: StoredRef): Promise<StoredLayout>;

  /** The stored frames in order, one at a time. */
  abstract read(ref: StoredRef): AsyncIterable<Buffer>;

  /** Removes the bytes of an upload that was refused after they were written. */
  abstract discard(storageKey: string): Promise<void>;
}
