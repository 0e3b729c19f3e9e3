import { request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { adminQuery } from './support/database';
import { investigatedCase, staff } from './support/cases';
import { binary, documentsPath, PDF, sha256, upload } from './support/documents';
import { databaseName, FiledCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

describe('a document whose stored bytes changed', () => {
  let t: TestApp;
  let auth: ReturnType<typeof staff>;
  let filed: FiledCase;
  const logLines: string[] = [];
  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    t = await startTestApp({ logStream });
    auth = staff(t);
    filed = await investigatedCase(t);
  });
  afterAll(() => t.close());

  /** What an intruder with write access to the database, and none to the service, could do. */
  const tamper = (sql: string) =>
    adminQuery(`SET session_replication_role = replica; ${sql}`, [], databaseName(t));

  const download = (id: string, authorization = auth.officer) =>
    t
      .http()
      .get(`${documentsPath('staff', filed.reference)}/${id}/content`)
      .set('authorization', authorization)
      .buffer(true)
      .parse(binary);

  it('is stored encrypted: the database holds neither the file nor its data key in clear', async () => {
    const secret = Buffer.from('IBAN DE89 3704 0044 0532 0130 00 — Анна Петрова\n'.repeat(20_000));
    const { body: doc } = await upload(
      t,
      documentsPath('staff', filed.reference),
      auth.officer,
      secret,
      {
        filename: 'bank.txt',
        contentType: 'text/plain',
      },
    ).expect(201);
    const chunks = await adminQuery<{ bytes: Buffer }>(
      'SELECT bytes FROM case_document_chunk WHERE document_id = $1 ORDER BY seq',
      [doc.id],
      databaseName(t),
    );
    expect(chunks.length).toBe(Math.ceil(secret.length / (256 * 1024)));
    for (const { bytes } of chunks) expect(bytes.includes(Buffer.from('IBAN DE89'))).toBe(false);
    const [row] = await adminQuery<{ wrapped_key: Buffer | null }>(
      'SELECT wrapped_key FROM case_document WHERE id = $1',
      [doc.id],
      databaseName(t),
    );
    expect(row.wrapped_key?.length).toBe(60);
    expect(sha256((await download(doc.id).expect(200)).body as Buffer)).toBe(sha256(secret));
  });

  it('is refused when two stored chunks swap places', async () => {
    const big = Buffer.concat([
      PDF,
      Buffer.alloc(300 * 1024, 0x44),
      Buffer.alloc(300 * 1024, 0x45),
    ]);
    const { body: doc } = await upload(
      t,
      documentsPath('staff', filed.reference),
      auth.officer,
      big,
    ).expect(201);
    await tamper(
      `UPDATE case_document_chunk SET seq = 1000 WHERE document_id = '${doc.id}' AND seq = 0;
       UPDATE case_document_chunk SET seq = 0 WHERE document_id = '${doc.id}' AND seq = 1;
       UPDATE case_document_chunk SET seq = 1 WHERE document_id = '${doc.id}' AND seq = 1000;`,
    );
    expect((await download(doc.id).expect(500)).body.code).toBe('DOCUMENT_INTEGRITY_FAILED');
  });

  const logged = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const integrityLog = (documentId: string) =>
    expect.objectContaining({
      level: 50,
      documentId,
      msg: expect.stringMatching(/integrity check failed/),
    });

  it('with its first chunk changed is refused with DOCUMENT_INTEGRITY_FAILED before a byte is sent, and logged at error level', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(600 * 1024, 0x41)]);
    const { body: doc } = await upload(
      t,
      documentsPath('staff', filed.reference),
      auth.officer,
      big,
    ).expect(201);
    expect(sha256((await download(doc.id).expect(200)).body as Buffer)).toBe(sha256(big));

    await tamper(
      `UPDATE case_document_chunk SET bytes = overlay(bytes placing '\\x42'::bytea from 1000)
        WHERE document_id = '${doc.id}' AND seq = 0`,
    );
    for (const authorization of [auth.officer, auth.auditor]) {
      const res = await download(doc.id, authorization).expect(500);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('DOCUMENT_INTEGRITY_FAILED');
    }
    expect(logged()).toContainEqual(integrityLog(doc.id));
  });

  it('with a later chunk changed is cut short before that chunk, and logged at error level', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(600 * 1024, 0x47)]);
    const { body: doc } = await upload(
      t,
      documentsPath('staff', filed.reference),
      auth.officer,
      big,
    ).expect(201);
    await tamper(
      `UPDATE case_document_chunk SET bytes = overlay(bytes placing '\\x42'::bytea from 1000)
        WHERE document_id = '${doc.id}' AND seq = 1`,
    );
    const received = await rawDownload(doc.id);
    expect(received.complete).toBe(false);
    expect(received.bytes.length).toBeLessThan(big.length);
    expect(logged()).toContainEqual(integrityLog(doc.id));
  });

  /** The bytes a client gets before the connection ends, and whether the body was whole. */
  async function rawDownload(id: string): Promise<{ bytes: Buffer; complete: boolean }> {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      const req = request(
        `http://127.0.0.1:${port}${documentsPath('staff', filed.reference)}/${id}/content`,
        { headers: { authorization: auth.officer } },
        (res) => {
          expect(res.statusCode).toBe(200);
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ bytes: Buffer.concat(chunks), complete: res.complete }));
          res.on('error', () => resolve({ bytes: Buffer.concat(chunks), complete: false }));
        },
      );
      req.on('error', () => resolve({ bytes: Buffer.concat(chunks), complete: false }));
      req.end();
    });
  }

  it('is refused when a chunk was removed, or the digests rewritten without the bytes', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(600 * 1024, 0x43)]);
    const { body: doc } = await upload(
      t,
      documentsPath('staff', filed.reference),
      auth.officer,
      big,
    ).expect(201);
    await tamper(`DELETE FROM case_document_chunk WHERE document_id = '${doc.id}' AND seq = 2`);
    expect((await download(doc.id).expect(500)).body.code).toBe('DOCUMENT_INTEGRITY_FAILED');

    const { body: other } = await upload(
      t,
      documentsPath('staff', filed.reference),
      auth.officer,
      PDF,
    ).expect(201);
    await tamper(
      `UPDATE case_document SET chunk_digests = sha256('forged'::bytea) WHERE id = '${other.id}'`,
    );
    expect((await download(other.id).expect(500)).body.code).toBe('DOCUMENT_INTEGRITY_FAILED');
  });
});
