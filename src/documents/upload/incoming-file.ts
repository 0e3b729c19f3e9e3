import { createHash, Hash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { fileTypeFromBuffer } from 'file-type/core';
import { DocumentType, isTextType, supportedDetectedType, textTypeFor } from '../document-types';
import { emptyFile, tooLarge, typeNotAllowed } from '../documents.errors';

/** Plaintext bytes per stored chunk: large enough for few rows, small enough to stream. */
export const CHUNK_SIZE = 256 * 1024;

export interface ReceivedFile {
  readonly contentType: DocumentType;
  readonly size: number;
  /** Hex SHA-256 of the whole file, computed while it streamed in. */
  readonly sha256: string;
}

/**
 * A file as it streams in: cut into CHUNK_SIZE frames for the store, hashed, counted against the
 * size limit, and judged by its content — magic bytes in the first frame, or, for text, valid
 * UTF-8 without NUL all the way through. Every refusal is thrown from `frames()`, so a store that
 * writes inside the upload's transaction keeps nothing of a refused file.
 */
export class IncomingFile {
  private readonly hash: Hash = createHash('sha256');
  private size = 0;
  private type: DocumentType | undefined;
  private text: TextDecoder | undefined;

  constructor(
    private readonly source: AsyncIterable<Buffer>,
    private readonly declared: { readonly contentType: string; readonly filename: string },
    private readonly maxBytes: number,
  ) {}

  async *frames(): AsyncGenerator<Buffer> {
    let frame = Buffer.allocUnsafe(CHUNK_SIZE);
    let filled = 0;
    let first = true;
    for await (const piece of this.source) {
      this.size += piece.length;
      if (this.size > this.maxBytes) throw tooLarge(this.maxBytes);
      let offset = 0;
      while (offset < piece.length) {
        const copied = piece.copy(frame, filled, offset);
        filled += copied;
        offset += copied;
        if (filled === CHUNK_SIZE) {
          yield await this.accept(frame, first);
          first = false;
          frame = Buffer.allocUnsafe(CHUNK_SIZE);
          filled = 0;
        }
      }
    }
    if (this.size === 0) throw emptyFile();
    if (filled > 0) yield await this.accept(frame.subarray(0, filled), first, true);
    else this.finishText();
  }

  /** What was received; only after `frames()` has run to its end. */
  result(): ReceivedFile {
    if (!this.type) throw new Error('IncomingFile.result() before the file was read');
    return { contentType: this.type, size: this.size, sha256: this.hash.digest('hex') };
  }

  private async accept(frame: Buffer, first: boolean, last = false): Promise<Buffer> {
    if (first) await this.judge(frame);
    if (this.text) {
      if (frame.includes(0)) throw typeNotAllowed('application/octet-stream');
      try {
        this.text.decode(frame, { stream: !last });
      } catch {
        throw typeNotAllowed('application/octet-stream');
      }
    }
    this.hash.update(frame);
    return frame;
  }

  private finishText(): void {
    try {
      this.text?.decode();
    } catch {
      throw typeNotAllowed('application/octet-stream');
    }
  }

  private async judge(head: Buffer): Promise<void> {
    const detected = await fileTypeFromBuffer(head);
    if (detected) {
      const supported = supportedDetectedType(detected.mime);
      if (!supported || isTextType(supported)) throw typeNotAllowed(detected.mime);
      this.type = supported;
      return;
    }
    this.type = textTypeFor(this.declared.contentType, this.declared.filename);
    this.text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  }
}
