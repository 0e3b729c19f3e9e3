import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { investigatedCase, staff } from './support/cases';
import { binary, documentsPath, PDF, sha256, upload } from './support/documents';
import { FiledCase } from './support/filing';
import { startS3Server, S3TestServer } from './support/s3-server';
import { startTestApp, TestApp } from './support/test-app';

/** The objects s3rver keeps, as files holding their content (one folder per object). */
function storedFiles(root: string): string[] {
  return (
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .map((name) => join(root, name))
      .filter((path) => statSync(path).isFile() && !/\.(json|md5)$/.test(path))
      // s3rver keeps the parts of aborted multipart uploads in its staging folder; S3 drops them.
      .filter((path) => !path.includes('._S3rver_uploads'))
  );
}

describe('documents kept in S3-compatible object storage', () => {
  let s3: S3TestServer;
  let t: TestApp;
  let auth: ReturnType<typeof staff>;
  let filed: FiledCase;
  beforeAll(async () => {
    s3 = await startS3Server();
    t = await startTestApp({ env: { ...s3.env, DOCUMENT_MAX_BYTES: String(8 * 1024 * 1024) } });
    auth = staff(t);
    filed = await investigatedCase(t);
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
  });

  const path = () => documentsPath('customer', filed.reference);
  const customer = () => `Bearer ${filed.accessToken}`;
  const download = (id: string) =>
    t
      .http()
      .get(`${path()}/${id}/content`)
      .set('authorization', customer())
      .buffer(true)
      .parse(binary);

  it('a file of several parts goes in as one encrypted object and comes back byte for byte', async () => {
    const text = Buffer.from('Квитанция 收据 receipt line\n'.repeat(175_000));
    expect(text.length).toBeGreaterThan(6 * 1024 * 1024);
    const { body: doc } = await upload(t, path(), customer(), text, {
      filename: 'receipts.txt',
      contentType: 'text/plain',
    }).expect(201);
    const [row] = (await t.dataSource.query(
      'SELECT store, storage_key FROM case_document WHERE id = $1',
      [doc.id],
    )) as { store: string; storage_key: string }[];
    expect(row).toEqual({ store: 's3', storage_key: `documents/${doc.id}` });
    expect(
      await t.dataSource.query('SELECT 1 FROM case_document_chunk WHERE document_id = $1', [
        doc.id,
      ]),
    ).toEqual([]);
    const objects = storedFiles(s3.directory);
    expect(objects.length).toBe(1);
    expect(readFileSync(objects[0]).includes(Buffer.from('receipt line'))).toBe(false);
    const res = await download(doc.id).expect(200);
    expect(sha256(res.body as Buffer)).toBe(sha256(text));
  });

  it('a refused upload leaves no object behind', async () => {
    const before = storedFiles(s3.directory).length;
    const tooBig = Buffer.concat([PDF, Buffer.alloc(8 * 1024 * 1024, 0x20)]);
    await upload(t, path(), customer(), tooBig).expect(413);
    const binaryText = Buffer.concat([Buffer.alloc(300 * 1024, 0x41), Buffer.from([0xff, 0x00])]);
    await upload(t, path(), customer(), binaryText, {
      filename: 'a.txt',
      contentType: 'text/plain',
    }).expect(415);
    expect(storedFiles(s3.directory).length).toBe(before);
  });

  it('an object changed in the bucket is refused with DOCUMENT_INTEGRITY_FAILED', async () => {
    const { body: doc } = await upload(t, path(), customer(), PDF).expect(201);
    await download(doc.id).expect(200);
    const object = storedFiles(s3.directory).find((file) => file.includes(doc.id)) as string;
    const bytes = readFileSync(object);
    bytes[5] ^= 0xff;
    writeFileSync(object, bytes);
    const res = await download(doc.id).expect(500);
    expect(res.body.code).toBe('DOCUMENT_INTEGRITY_FAILED');
    await t
      .http()
      .get(`${documentsPath('staff', filed.reference)}/${doc.id}/content`)
      .set('authorization', auth.auditor)
      .expect(500);
  });
});
