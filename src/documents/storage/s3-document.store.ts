import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { S3StoreConfig } from '../../config/app-config';
import { DocumentStore, StoredLayout, StoredRef, WrittenFile } from './document-store.port';

/** S3's smallest part but the last: parts are cut at the first frame boundary past it. */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * Frames as one object per document (`documents/<id>`). A larger file goes up as a multipart
 * upload, so that at most one part (about 5 MiB) of it is in memory, aborted when the upload is
 * refused midway; an object whose row could not be written is deleted. Reading streams the object and cuts it back into frames at the recorded frame size.
 */
export class S3DocumentStore extends DocumentStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly config: S3StoreConfig) {
    super();
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      credentials: config.credentials,
      forcePathStyle: config.forcePathStyle,
      // S3-compatible servers do not all know the SDK's newer default checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** A file that fits in one part is one PutObject at its end: a refused one never reaches S3. */
  async write(_: unknown, documentId: string, frames: AsyncIterable<Buffer>): Promise<WrittenFile> {
    const target = { Bucket: this.config.bucket, Key: objectKey(documentId) };
    const digests: Buffer[] = [];
    const parts: { ETag?: string; PartNumber: number }[] = [];
    let uploadId: string | undefined;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const take = () => {
      const body = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      return body;
    };
    try {
      for await (const frame of frames) {
        digests.push(createHash('sha256').update(frame).digest());
        pending.push(frame);
        pendingBytes += frame.length;
        if (pendingBytes < PART_BYTES) continue;
        uploadId ??= (await this.client.send(new CreateMultipartUploadCommand(target))).UploadId;
        const PartNumber = parts.length + 1;
        const { ETag } = await this.client.send(
          new UploadPartCommand({ ...target, UploadId: uploadId, PartNumber, Body: take() }),
        );
        parts.push({ ETag, PartNumber });
      }
      if (!uploadId) {
        await this.client.send(new PutObjectCommand({ ...target, Body: take() }));
      } else {
        if (pendingBytes > 0) {
          const PartNumber = parts.length + 1;
          const { ETag } = await this.client.send(
            new UploadPartCommand({ ...target, UploadId: uploadId, PartNumber, Body: take() }),
          );
          parts.push({ ETag, PartNumber });
        }
        await this.client.send(
          new CompleteMultipartUploadCommand({
            ...target,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
          }),
        );
      }
    } catch (error) {
      if (uploadId)
        await this.client
          .send(new AbortMultipartUploadCommand({ ...target, UploadId: uploadId }))
          .catch(() => undefined);
      throw error;
    }
    return { storageKey: target.Key, frameDigests: Buffer.concat(digests) };
  }

  async layout(ref: StoredRef): Promise<StoredLayout> {
    try {
      const { ContentLength } = await this.client.send(
        new HeadObjectCommand({ Bucket: this.config.bucket, Key: ref.storageKey }),
      );
      const bytes = ContentLength ?? 0;
      return { frames: Math.ceil(bytes / ref.frameSize), bytes };
    } catch (error) {
      if ((error as { name?: string }).name === 'NotFound') return { frames: 0, bytes: 0 };
      throw error;
    }
  }

  async *read(ref: StoredRef): AsyncIterable<Buffer> {
    const { Body } = await this.client.send(
      new GetObjectCommand({ Bucket: this.config.bucket, Key: ref.storageKey }),
    );
    let frame = Buffer.alloc(0);
    for await (const piece of Body as Readable) {
      frame = Buffer.concat([frame, piece as Buffer]);
      while (frame.length >= ref.frameSize) {
        yield frame.subarray(0, ref.frameSize);
        frame = frame.subarray(ref.frameSize);
      }
    }
    if (frame.length > 0) yield frame;
  }

  async discard(storageKey: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.config.bucket, Key: storageKey }),
    );
  }
}

function objectKey(documentId: string): string {
  return `documents/${documentId}`;
}
