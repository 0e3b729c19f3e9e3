import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentStore, StoredRef, WrittenFile } from './document-store.port';

/**
 * Frames as rows of `case_document_chunk`, written in the upload's transaction (nothing of a
 * refused upload survives its rollback) and read back one row per query, so a slow download holds
 * no connection between frames. Stored digests are computed by PostgreSQL itself (`sha256()`),
 * so verifying a file before it is sent moves no bytes to the service.
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

  async digests(ref: StoredRef): Promise<Buffer[]> {
    const rows = (await this.dataSource.query(
      'SELECT sha256(bytes) AS digest FROM case_document_chunk WHERE document_id = $1 ORDER BY seq',
      [ref.storageKey],
    )) as { digest: Buffer }[];
    return rows.map((row) => row.digest);
  }

  /** Reads one frame ahead, so the next row is on its way while this one is sent. */
  async *read(ref: StoredRef): AsyncIterable<Buffer> {
    let next = this.frame(ref.storageKey, 0);
    for (let seq = 1; ; seq += 1) {
      const bytes = await next;
      if (!bytes) return;
      next = this.frame(ref.storageKey, seq);
      next.catch(() => undefined);
      yield bytes;
    }
  }

  private async frame(storageKey: string, seq: number): Promise<Buffer | undefined> {
    const [row] = (await this.dataSource.query(
      'SELECT bytes FROM case_document_chunk WHERE document_id = $1 AND seq = $2',
      [storageKey, seq],
    )) as { bytes: Buffer }[];
    return row?.bytes;
  }

  /** The upload's rollback already removed every row. */
  async discard(): Promise<void> {}
}
