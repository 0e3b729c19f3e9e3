import { adminQuery } from './support/database';
import { investigatedCase, staff } from './support/cases';
import { documentsPath, EXE, PDF, storedCounts, upload } from './support/documents';
import { databaseName, FiledCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

const MAX_BYTES = 300 * 1024;

describe('documents that are refused, and nothing of them kept', () => {
  let t: TestApp;
  let auth: ReturnType<typeof staff>;
  let filed: FiledCase;
  beforeAll(async () => {
    t = await startTestApp({
      env: { DOCUMENT_MAX_BYTES: String(MAX_BYTES), DOCUMENT_MAX_PER_CASE: '3' },
    });
    auth = staff(t);
    filed = await investigatedCase(t);
  });
  afterAll(() => t.close());

  const customerPath = () => documentsPath('customer', filed.reference);
  const customer = () => `Bearer ${filed.accessToken}`;

  async function refused(request: PromiseLike<{ status: number; body: Record<string, unknown> }>) {
    const before = await storedCounts(t);
    const res = await request;
    expect(await storedCounts(t)).toEqual(before);
    return { status: res.status, code: res.body.code, body: res.body };
  }

  it('a form without a file part answers 400 DOCUMENT_FILE_MISSING', async () => {
    const res = await refused(
      t.http().post(customerPath()).set('authorization', customer()).field('description', 'x'),
    );
    expect(res).toMatchObject({ status: 400, code: 'DOCUMENT_FILE_MISSING' });
  });

  it('an empty file answers 400 DOCUMENT_EMPTY', async () => {
    const res = await refused(upload(t, customerPath(), customer(), Buffer.alloc(0)));
    expect(res).toMatchObject({ status: 400, code: 'DOCUMENT_EMPTY' });
  });

  it('a file over DOCUMENT_MAX_BYTES answers 413 and no partial bytes are kept', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES, 0x20)]);
    const res = await refused(upload(t, customerPath(), customer(), big));
    expect(res).toMatchObject({
      status: 413,
      code: 'DOCUMENT_TOO_LARGE',
      body: { maxBytes: MAX_BYTES },
    });
  });

  it('a type outside the list is judged by content, whatever its name and header say (415 naming it)', async () => {
    const exe = await refused(
      upload(t, customerPath(), customer(), EXE, {
        filename: 'invoice.pdf',
        contentType: 'application/pdf',
      }),
    );
    expect(exe).toMatchObject({
      status: 415,
      code: 'DOCUMENT_TYPE_NOT_ALLOWED',
      body: { detectedType: 'application/x-msdownload' },
    });
    const binary = Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x02, 0x80, 0x81]);
    const text = await refused(
      upload(t, customerPath(), customer(), binary, {
        filename: 'notes.txt',
        contentType: 'text/plain',
      }),
    );
    expect(text).toMatchObject({ status: 415, body: { detectedType: 'application/octet-stream' } });
  });

  it('two files, or a field the form does not take, answer 400', async () => {
    const two = await refused(
      t
        .http()
        .post(customerPath())
        .set('authorization', customer())
        .attach('file', PDF, 'a.pdf')
        .attach('file', PDF, 'b.pdf'),
    );
    expect(two).toMatchObject({ status: 400, code: 'DOCUMENT_ONE_FILE_ONLY' });
    const unknown = await refused(
      upload(t, customerPath(), customer(), PDF, { fields: { owner: 'me' } }),
    );
    expect(unknown).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const linked = await refused(
      upload(t, customerPath(), customer(), PDF, {
        fields: { informationRequestId: '00000000-0000-4000-8000-000000000000' },
      }),
    );
    expect(linked).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('JSON to an upload route, or a form to any other route, answers 415', async () => {
    const json = await t
      .http()
      .post(customerPath())
      .set('authorization', customer())
      .send({ file: 'x' })
      .expect(415);
    expect(json.body.code).toBe('DOCUMENT_MULTIPART_REQUIRED');
    const form = await t
      .http()
      .post('/v1/escalations')
      .field('subject', 'Refund refused')
      .expect(415);
    expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('more than DOCUMENT_MAX_PER_CASE documents answers 409', async () => {
    const full = await investigatedCase(t);
    for (let i = 0; i < 3; i += 1)
      await upload(t, documentsPath('staff', full.reference), auth.officer, PDF).expect(201);
    const res = await refused(upload(t, documentsPath('company', full.reference), auth.agent, PDF));
    expect(res).toMatchObject({ status: 409, code: 'DOCUMENT_LIMIT_REACHED' });
  });

  it('the parties may not add documents to a closed case; the office may', async () => {
    const closed = await investigatedCase(t);
    await adminQuery(
      `UPDATE ombudsman_case SET status = 'closed', outcome = 'withdrawn', closed_at = now() WHERE reference = $1`,
      [closed.reference],
      databaseName(t),
    );
    const res = await refused(
      upload(t, documentsPath('customer', closed.reference), `Bearer ${closed.accessToken}`, PDF),
    );
    expect(res).toMatchObject({ status: 409, code: 'DOCUMENT_CASE_CLOSED' });
    await upload(t, documentsPath('company', closed.reference), auth.agent, PDF).expect(409);
    await upload(t, documentsPath('staff', closed.reference), auth.ombudsman, PDF).expect(201);
  });
});
