import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { bigintNumber, bytes, firstRowOf, insertedRowOf, integer } from '../../common/sql-rows';
import { DocumentStore, StoredLayout, StoredRef, WrittenFile } from './document-store.port';

/** Frames requested beyond the one being sent. */
const READ_AHEAD = 2;

/**
 * The PostgreSQL implementation of the storage port (document-store.port.ts), so it holds its
 * SQL itself as the S3 store holds its requests: a store adapter, beside the repositories.
 * Frames as rows of `case_document_chunk`, written in the upload's transaction (nothing of a
 * refused upload survives its rollback) and read back one row per query, so a slow download holds
 * no connection between frames. Each frame is checked by the reader as it goes out
 * (see document-reader.ts), so nothing is read twice.
 */
@Injectable()
export class PostgresDocumentStore extends DocumentStore {
  readonly kind = 'postgres' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async write(
    manager: EntityManager,
    documentId: string,
    frames: AsyncIterable<Buffer>,
  ): Promise<WrittenFile> {
    const digests: Buffer[] = [];
    let seq = 0;
    // One insert in flight while the next frame arrives: the network and the database overlap,
    // and pg runs a client's queries in order. At most two frames are held.
    let inFlight: Promise<unknown> = Promise.resolve();
    for await (const frame of frames) {
      digests.push(createHash('sha256').update(frame).digest());
      await inFlight;
      inFlight = manager.query(
        'INSERT INTO case_document_chunk (document_id, seq, bytes) VALUES ($1, $2, $3)',
        [documentId, seq, frame],
      );
      inFlight.catch(() => undefined);
      seq += 1;
    }
    await inFlight;
    return { storageKey: documentId, frameDigests: Buffer.concat(digests) };
  }

  /** `octet_length` reads the size from each row's TOAST pointer: no frame is read. */
  async layout(ref: StoredRef): Promise<StoredLayout> {
    return insertedRowOf(
      await this.dataSource.query(
        `SELECT count(*)::int AS frames, coalesce(sum(octet_length(bytes)), 0)::bigint AS bytes
           FROM case_document_chunk WHERE document_id = $1`,
        [ref.storageKey],
      ),
      (row) => ({ frames: integer(row, 'frames'), bytes: bigintNumber(row, 'bytes') }),
    );
  }

  /**
   * Reads READ_AHEAD frames ahead, each row its own query on the pool, so the next rows are on
   * their way while this one is checked and sent; at most READ_AHEAD + 1 frames are held.
   */
  async *read(ref: StoredRef): AsyncIterable<Buffer> {
    const ahead: Promise<Buffer | undefined>[] = [];
    let requested = 0;
    const request = () => {
      const next = this.frame(ref.storageKey, requested);
      next.catch(() => undefined);
      ahead.push(next);
      requested += 1;
    };
    for (let i = 0; i <= READ_AHEAD; i += 1) request();
    for (;;) {
      const bytes = await ahead.shift();
      if (!bytes) return;
      request();
      yield bytes;
    }
  }

  private async frame(storageKey: string, seq: number): Promise<Buffer | undefined> {
    const frame = firstRowOf(
      await this.dataSource.query(
        'SELECT bytes FROM case_document_chunk WHERE document_id = $1 AND seq = $2',
        [storageKey, seq],
      ),
      (row) => bytes(row, 'bytes'),
    );
    return frame ?? undefined;
  }

  /** The upload's rollback already removed every row. */
  async discard(): Promise<void> {}
}
