import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { seal, unseal } from '../../common/crypto/sealed-box';

/** Bytes a stored frame carries beyond its plaintext: the GCM tag. */
export const FRAME_OVERHEAD = 16;

const DATA_KEY_WRAP = { salt: 'case-document', info: 'data-key-wrap' };

/**
 * Encryption at rest, the same in every store: each document has its own random AES-256 data key,
 * kept only wrapped (sealed under DOCUMENT_MASTER_KEY and bound to the document id, as webhook
 * secrets are). Each frame is AES-256-GCM under the data key with the frame's number as nonce
 * (unique per key, since the key is the document's alone) and the document id and frame number as
 * associated data, so a frame cannot be altered, moved to another place or another document.
 */
export class DocumentCipher {
  private constructor(
    private readonly documentId: string,
    private readonly dataKey: Buffer,
  ) {}

  /** A fresh data key for a new document, and that key wrapped for its row. */
  static forNewDocument(masterKey: string, documentId: string) {
    const dataKey = randomBytes(32);
    return {
      cipher: new DocumentCipher(documentId, dataKey),
      wrappedKey: seal(masterKey, DATA_KEY_WRAP, documentId, dataKey),
    };
  }

  /** Throws when the wrapped key was altered, moved, or the master key changed. */
  static forStoredDocument(masterKey: string, documentId: string, wrappedKey: Buffer) {
    return new DocumentCipher(documentId, unseal(masterKey, DATA_KEY_WRAP, documentId, wrappedKey));
  }

  async *encrypt(frames: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let seq = 0;
    for await (const frame of frames) {
      const cipher = createCipheriv('aes-256-gcm', this.dataKey, nonce(seq));
      cipher.setAAD(this.aad(seq));
      yield Buffer.concat([cipher.update(frame), cipher.final(), cipher.getAuthTag()]);
      seq += 1;
    }
  }

  /** Throws on the first frame that is not exactly what was encrypted at its place. */
  decrypt(stored: Buffer, seq: number): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.dataKey, nonce(seq));
    decipher.setAAD(this.aad(seq));
    decipher.setAuthTag(stored.subarray(stored.length - FRAME_OVERHEAD));
    return Buffer.concat([
      decipher.update(stored.subarray(0, stored.length - FRAME_OVERHEAD)),
      decipher.final(),
    ]);
  }

  private aad(seq: number): Buffer {
    return Buffer.from(`${this.documentId}:${seq}`, 'utf8');
  }
}

function nonce(seq: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(seq), 4);
  return iv;
}
