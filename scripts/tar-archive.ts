/**
 * The little of the tar format (POSIX ustar) that a base backup needs: regular files and folders,
 * written to and read from a gzip stream. No dependency, no `tar` program (Windows and slim
 * containers may have none), and a file that changes while it is read is simply stored as far as
 * it was read: PostgreSQL's WAL replay repairs it (scripts/base-backup.ts).
 */
import { once } from 'node:events';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  fstatSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import { createGunzip, createGzip, Gzip } from 'node:zlib';

const BLOCK = 512;
const CHUNK = 1 << 20;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, type: 'file' | 'dir', mode: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 154);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100)
      throw new Error(`path too long for a tar entry: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  block.write(base, 0, 100, 'utf8');
  block.write(octal(mode, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(Math.floor(Date.now() / 1000), 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write(type === 'dir' ? '5' : '0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148, 'ascii');
  return block;
}

/** Writes entries into a gzip-compressed tar file; `close()` ends the archive. */
export class TarWriter {
  private readonly gzip: Gzip;
  private readonly done: Promise<unknown>;

  constructor(file: string) {
    this.gzip = createGzip();
    const out = createWriteStream(file, { mode: 0o600 });
    this.gzip.pipe(out);
    this.done = once(out, 'close');
  }

  private async write(chunk: Buffer): Promise<void> {
    if (!this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }

  async folder(name: string): Promise<void> {
    await this.write(header(name.endsWith('/') ? name : `${name}/`, 0, 'dir', 0o700));
  }

  async bytes(name: string, data: Buffer): Promise<void> {
    await this.write(header(name, data.length, 'file', 0o600));
    await this.write(data);
    await this.write(Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
  }

  /**
   * A file as it is now: its size when opened, read to that length (zeros if it shrank, which
   * WAL replay overwrites). A file that vanished in between is skipped: returns false.
   */
  async file(name: string, path: string): Promise<boolean> {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    try {
      const { size } = fstatSync(fd);
      await this.write(header(name, size, 'file', 0o600));
      let left = size;
      while (left > 0) {
        const chunk = Buffer.alloc(Math.min(CHUNK, left));
        const read = readSync(fd, chunk, 0, chunk.length, size - left);
        await this.write(chunk);
        left -= chunk.length;
        if (read === 0 && left > 0) {
          await this.write(Buffer.alloc(left));
          left = 0;
        }
      }
      await this.write(Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK));
      return true;
    } finally {
      closeSync(fd);
    }
  }

  async close(): Promise<void> {
    await this.write(Buffer.alloc(2 * BLOCK));
    this.gzip.end();
    await this.done;
  }
}

export interface TarEntry {
  readonly name: string;
  readonly type: 'file' | 'dir';
}

/** True when the file starts as gzip does (a base backup), not as a pg_dump archive ("PGDMP"). */
export function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a gzip-compressed tar file made by TarWriter: `onFolder` for each folder, `openFile`
 * gives the descriptor each file's bytes are written to (closed here).
 */
export async function readTar(
  file: string,
  onFolder: (name: string) => void,
  openFile: (name: string) => number,
): Promise<number> {
  let pending = Buffer.alloc(0);
  let current: { fd: number; left: number; padding: number } | undefined;
  let entries = 0;
  let ended = false;
  for await (const chunk of createReadStream(file).pipe(createGunzip())) {
    pending = Buffer.concat([pending, chunk as Buffer]);
    for (;;) {
      if (ended) break;
      if (current) {
        if (current.left > 0) {
          const take = Math.min(current.left, pending.length);
          if (take === 0) break;
          writeSync(current.fd, pending, 0, take);
          pending = pending.subarray(take);
          current.left -= take;
          if (current.left > 0) break;
        }
        if (pending.length < current.padding) break;
        pending = pending.subarray(current.padding);
        closeSync(current.fd);
        current = undefined;
        continue;
      }
      if (pending.length < BLOCK) break;
      const block = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (block.every((byte) => byte === 0)) {
        ended = true;
        break;
      }
      const text = (from: number, length: number) =>
        block
          .subarray(from, from + length)
          .toString('utf8')
          .replace(/\0.*$/s, '');
      const prefix = text(345, 155);
      const name = (prefix ? `${prefix}/` : '') + text(0, 100);
      const size = parseInt(text(124, 12).trim() || '0', 8);
      const type = text(156, 1);
      if (name.split('/').includes('..') || name.startsWith('/'))
        throw new Error(`unsafe path in the archive: ${name}`);
      entries += 1;
      if (type === '5') onFolder(name.replace(/\/$/, ''));
      else if (type === '0' || type === '')
        current = { fd: openFile(name), left: size, padding: (BLOCK - (size % BLOCK)) % BLOCK };
      else throw new Error(`unexpected entry type "${type}" in the archive: ${name}`);
    }
  }
  if (current) throw new Error('the archive ends in the middle of a file: it is truncated');
  return entries;
}
