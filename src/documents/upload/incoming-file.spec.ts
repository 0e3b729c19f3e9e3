import { createHash } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import { CHUNK_SIZE, IncomingFile } from './incoming-file';

async function* pieces(...parts: Buffer[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield part;
}

async function receive(
  parts: Buffer[],
  declared = { contentType: '', filename: 'x' },
  max = 10 * CHUNK_SIZE,
) {
  const file = new IncomingFile(pieces(...parts), declared, max);
  const frames: Buffer[] = [];
  for await (const frame of file.frames()) frames.push(Buffer.from(frame));
  return { frames, result: file.result() };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: DomainError) =>
      `${error.code}${error.extensions.detectedType ? ` ${String(error.extensions.detectedType)}` : ''}`,
  );

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('a file streaming in', () => {
  it('is cut into frames of CHUNK_SIZE, hashed and counted', async () => {
    const body = Buffer.concat([PNG, Buffer.alloc(CHUNK_SIZE * 2 + 10, 7)]);
    const { frames, result } = await receive([body.subarray(0, 1000), body.subarray(1000)]);
    expect(frames.map((f) => f.length)).toEqual([
      CHUNK_SIZE,
      CHUNK_SIZE,
      body.length - 2 * CHUNK_SIZE,
    ]);
    expect(Buffer.concat(frames).equals(body)).toBe(true);
    expect(result).toEqual({
      contentType: 'image/png',
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
  });

  it('is judged by its content, not by its name or declared type', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);
    expect(
      await codeOf(receive([exe], { contentType: 'application/pdf', filename: 'a.pdf' })),
    ).toBe('DOCUMENT_TYPE_NOT_ALLOWED application/x-msdownload');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1');
    expect(await codeOf(receive([gif]))).toBe('DOCUMENT_TYPE_NOT_ALLOWED image/gif');
  });

  it('takes text as text when it is UTF-8 without NUL, across frame boundaries', async () => {
    const text = Buffer.from('Квитанция, 收据; '.repeat(30_000));
    const { result } = await receive([text], { contentType: 'text/csv', filename: 'r.txt' });
    expect(result.contentType).toBe('text/csv');
    expect(await codeOf(receive([Buffer.from('hello\u0000world')]))).toBe(
      'DOCUMENT_TYPE_NOT_ALLOWED application/octet-stream',
    );
    expect(await codeOf(receive([Buffer.from([0x68, 0xc3])]))).toBe(
      'DOCUMENT_TYPE_NOT_ALLOWED application/octet-stream',
    );
  });

  it('refuses an empty file and stops at the size limit', async () => {
    expect(await codeOf(receive([]))).toBe('DOCUMENT_EMPTY');
    expect(await codeOf(receive([Buffer.alloc(101, 65)], undefined, 100))).toBe(
      'DOCUMENT_TOO_LARGE',
    );
  });
});
