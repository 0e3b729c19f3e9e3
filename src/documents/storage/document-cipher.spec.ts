import { DocumentCipher, FRAME_OVERHEAD } from './document-cipher';

const MASTER = 'm'.repeat(40);
const ID = '5b0f1c9e-8d7a-4b53-9f0e-2a1d3c4b5e6f';

async function encryptAll(cipher: DocumentCipher, frames: Buffer[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const frame of cipher.encrypt(
    (async function* () {
      yield* frames;
    })(),
  ))
    out.push(frame);
  return out;
}

describe('documents encrypted at rest', () => {
  const frames = [Buffer.from('first frame of the receipt'), Buffer.from('second')];

  it('round-trips through a wrapped data key, and hides the plaintext', async () => {
    const { cipher, wrappedKey } = DocumentCipher.forNewDocument(MASTER, ID);
    const stored = await encryptAll(cipher, frames);
    expect(stored[0].length).toBe(frames[0].length + FRAME_OVERHEAD);
    expect(stored[0].includes(Buffer.from('receipt'))).toBe(false);
    const reader = DocumentCipher.forStoredDocument(MASTER, ID, wrappedKey);
    expect(stored.map((frame, seq) => reader.decrypt(frame, seq).toString())).toEqual([
      'first frame of the receipt',
      'second',
    ]);
  });

  it('refuses an altered frame, a frame at another place, another document’s key or another master key', async () => {
    const { cipher, wrappedKey } = DocumentCipher.forNewDocument(MASTER, ID);
    const stored = await encryptAll(cipher, frames);
    const reader = DocumentCipher.forStoredDocument(MASTER, ID, wrappedKey);
    const altered = Buffer.from(stored[0]);
    altered[3] ^= 1;
    expect(() => reader.decrypt(altered, 0)).toThrow();
    expect(() => reader.decrypt(stored[1], 0)).toThrow();
    expect(() =>
      DocumentCipher.forStoredDocument(MASTER, ID.replace('5b', '6b'), wrappedKey),
    ).toThrow();
    expect(() => DocumentCipher.forStoredDocument('n'.repeat(40), ID, wrappedKey)).toThrow();
  });
});
