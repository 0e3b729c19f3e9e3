import { createHash } from 'node:crypto';
import { Response } from 'supertest';
import { adminQuery } from './database';
import { databaseName } from './filing';
import { TestApp } from './test-app';

/** Small files that are what their magic bytes say. */
export const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n',
);
export const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.alloc(64, 0),
]);
/** A Windows executable, whatever name and type it is sent with. */
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]);

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export type Family = 'customer' | 'company' | 'staff';

export function documentsPath(family: Family, reference: string): string {
  if (family === 'customer') return `/v1/escalations/${reference}/documents`;
  if (family === 'company') return `/v1/frontline/cases/${reference}/documents`;
  return `/v1/admin/cases/${reference}/documents`;
}

export interface UploadOptions {
  readonly filename?: string;
  readonly contentType?: string;
  readonly fields?: Record<string, string>;
}

/** POSTs one file as multipart/form-data, fields first (as Swagger UI sends them). */
export function upload(
  t: TestApp,
  path: string,
  authorization: string,
  file: Buffer,
  options: UploadOptions = {},
) {
  const request = t.http().post(path).set('authorization', authorization);
  for (const [name, value] of Object.entries(options.fields ?? {})) void request.field(name, value);
  return request.attach('file', file, {
    filename: options.filename ?? 'evidence.pdf',
    contentType: options.contentType ?? 'application/pdf',
  });
}

/** Reads any answer as bytes (supertest parses only the types it knows). */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => {
    const bytes = Buffer.concat(chunks);
    // Problems stay JSON, so that they are checked like any other answer.
    const json = /json/.test(String(res.headers['content-type']));
    callback(null, json ? (JSON.parse(bytes.toString('utf8')) as Buffer) : bytes);
  });
}

/** What the database holds of every document: rows and chunk rows. */
export async function storedCounts(t: TestApp): Promise<{ documents: number; chunks: number }> {
  const [row] = await adminQuery<{ documents: number; chunks: number }>(
    `SELECT (SELECT count(*)::int FROM case_document) AS documents,
            (SELECT count(*)::int FROM case_document_chunk) AS chunks`,
    [],
    databaseName(t),
  );
  return row;
}
