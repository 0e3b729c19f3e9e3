import { investigatedCase, staff } from './support/cases';
import { binary, documentsPath, PDF, PNG, sha256, storedCounts, upload } from './support/documents';
import { FiledCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

describe('documents on a case', () => {
  let t: TestApp;
  let auth: ReturnType<typeof staff>;
  beforeAll(async () => {
    t = await startTestApp();
    auth = staff(t);
  });
  afterAll(() => t.close());

  const customer = (filed: FiledCase) => `Bearer ${filed.accessToken}`;
  const list = async (path: string, authorization: string) =>
    (await t.http().get(path).set('authorization', authorization).expect(200)).body.items as {
      id: string;
      visibleTo: string[];
    }[];
  const ids = (items: { id: string }[]) => items.map((d) => d.id);
  const download = (path: string, authorization: string) =>
    t.http().get(path).set('authorization', authorization).buffer(true).parse(binary);

  it('a customer uploads a PDF and gets its id, content type, size, SHA-256 and who sees it', async () => {
    const filed = await investigatedCase(t);
    const res = await upload(t, documentsPath('customer', filed.reference), customer(filed), PDF, {
      filename: 'receipt.pdf',
      fields: { description: 'Receipt of the return' },
    }).expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      filename: 'receipt.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
      description: 'Receipt of the return',
      uploadedBy: 'customer',
      uploadedAt: expect.any(String),
      visibleTo: ['customer', 'ombudsman'],
      informationRequestId: null,
    });
  });

  it('a download is an attachment with its stored type, nosniff, a sandbox CSP and its SHA-256 as ETag', async () => {
    const filed = await investigatedCase(t);
    const path = documentsPath('customer', filed.reference);
    const { body } = await upload(t, path, customer(filed), PNG, {
      filename: 'Фото чека 收据.png',
      contentType: 'application/octet-stream',
    }).expect(201);
    const res = await download(`${path}/${body.id}/content`, customer(filed)).expect(200);
    expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(PNG.length),
      'content-disposition': `attachment; filename="____ ____ __.png"; filename*=UTF-8''${encodeURIComponent('Фото чека 收据.png')}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
      etag: `"${sha256(PNG)}"`,
    });
  });

  it('a file of several 256 KiB chunks comes back byte for byte', async () => {
    const filed = await investigatedCase(t);
    const text = Buffer.from(
      'date,amount,note\n' + '2026-01-02,125.50,Возврат 退款\n'.repeat(40_000),
    );
    const path = documentsPath('company', filed.reference);
    const { body } = await upload(t, path, auth.agent, text, {
      filename: 'ledger.csv',
      contentType: 'text/csv',
    }).expect(201);
    expect(body).toMatchObject({
      contentType: 'text/csv',
      size: text.length,
      sha256: sha256(text),
    });
    const res = await download(`${path}/${body.id}/content`, auth.integration).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(sha256(res.body as Buffer)).toBe(sha256(text));
  });

  it('a customer’s upload is seen by the office, and by the company only once the office shares it', async () => {
    const filed = await investigatedCase(t);
    const { body: doc } = await upload(
      t,
      documentsPath('customer', filed.reference),
      customer(filed),
      PDF,
    ).expect(201);
    const company = documentsPath('company', filed.reference);
    expect(await list(company, auth.agent)).toEqual([]);
    await download(`${company}/${doc.id}/content`, auth.agent).expect(404);
    expect(ids(await list(documentsPath('staff', filed.reference), auth.officer))).toEqual([
      doc.id,
    ]);

    const shared = await t
      .http()
      .post(`${documentsPath('staff', filed.reference)}/${doc.id}/share`)
      .set('authorization', auth.officer)
      .send({ with: 'company' })
      .expect(200);
    expect(shared.body.visibleTo).toEqual(['customer', 'company', 'ombudsman']);
    expect(shared.body.sharedWithCompanyAt).toEqual(expect.any(String));
    expect(ids(await list(company, auth.integration))).toEqual([doc.id]);
    await download(`${company}/${doc.id}/content`, auth.agent).expect(200);
  });

  it('an office upload is internal until shared, and then only with the party it was shared with', async () => {
    const filed = await investigatedCase(t);
    const staffPath = documentsPath('staff', filed.reference);
    const { body: doc } = await upload(t, staffPath, auth.ombudsman, PDF).expect(201);
    expect(doc).toMatchObject({ uploadedBy: 'ombudsman', visibleTo: ['ombudsman'] });
    const customerPath = documentsPath('customer', filed.reference);
    expect(await list(customerPath, customer(filed))).toEqual([]);
    await t
      .http()
      .post(`${staffPath}/${doc.id}/share`)
      .set('authorization', auth.officer)
      .send({ with: 'customer' })
      .expect(200);
    expect(ids(await list(customerPath, customer(filed)))).toEqual([doc.id]);
    expect(await list(documentsPath('company', filed.reference), auth.agent)).toEqual([]);
    await download(`${customerPath}/${doc.id}/content`, customer(filed)).expect(200);
  });

  it('a withdrawn document leaves the parties’ view; the office keeps it, its reason, and every byte', async () => {
    const filed = await investigatedCase(t);
    const { body: doc } = await upload(
      t,
      documentsPath('company', filed.reference),
      auth.agent,
      PDF,
    ).expect(201);
    const staffPath = documentsPath('staff', filed.reference);
    await t
      .http()
      .post(`${staffPath}/${doc.id}/share`)
      .set('authorization', auth.officer)
      .send({ with: 'customer' })
      .expect(200);
    const before = await storedCounts(t);
    const res = await t
      .http()
      .post(`${staffPath}/${doc.id}/withdraw`)
      .set('authorization', auth.officer)
      .send({ reason: 'Holds another customer’s bank details' })
      .expect(200);
    expect(res.body).toMatchObject({
      visibleTo: ['ombudsman'],
      withdrawal: { by: 'olga', reason: 'Holds another customer’s bank details' },
    });
    for (const [family, authorization] of [
      ['customer', customer(filed)],
      ['company', auth.agent],
    ] as const) {
      const path = documentsPath(family, filed.reference);
      expect(await list(path, authorization)).toEqual([]);
      const refused = await download(`${path}/${doc.id}/content`, authorization).expect(404);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
    }
    await download(`${staffPath}/${doc.id}/content`, auth.auditor).expect(200);
    expect(await storedCounts(t)).toEqual(before);
    const again = await t
      .http()
      .post(`${staffPath}/${doc.id}/share`)
      .set('authorization', auth.officer)
      .send({ with: 'company' })
      .expect(409);
    expect(again.body.code).toBe('DOCUMENT_WITHDRAWN');
  });

  it('the company answers an information request with a document', async () => {
    const filed = await investigatedCase(t);
    const asked = await t
      .http()
      .post(`/v1/admin/cases/${filed.reference}/information-requests`)
      .set('authorization', auth.officer)
      .send({ party: 'company', question: 'Please send the signed delivery note.' })
      .expect(201);
    const { body } = await upload(t, documentsPath('company', filed.reference), auth.agent, PDF, {
      fields: { informationRequestId: asked.body.id },
    }).expect(201);
    expect(body.informationRequestId).toBe(asked.body.id);
    const view = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', auth.officer)
      .expect(200);
    expect(view.body.informationRequests).toEqual([
      expect.objectContaining({ id: asked.body.id, status: 'answered' }),
    ]);
  });

  it('documents appear in the three views, and on the timeline as "document added" without the file', async () => {
    const filed = await investigatedCase(t);
    const { body: doc } = await upload(
      t,
      documentsPath('customer', filed.reference),
      customer(filed),
      PDF,
      { filename: 'receipt.pdf' },
    ).expect(201);
    const mine = await t
      .http()
      .get(`/v1/escalations/${filed.reference}`)
      .set('authorization', customer(filed))
      .expect(200);
    expect(ids(mine.body.documents)).toEqual([doc.id]);
    expect(mine.body.timeline).toContainEqual(
      expect.objectContaining({ type: 'document.added', by: 'you', body: null }),
    );
    const office = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', auth.auditor)
      .expect(200);
    expect(ids(office.body.documents)).toEqual([doc.id]);
    expect(office.body.timeline).toContainEqual(
      expect.objectContaining({
        type: 'document.added',
        data: {
          documentId: doc.id,
          filename: 'receipt.pdf',
          contentType: 'application/pdf',
          size: PDF.length,
        },
        visibleToCompany: false,
      }),
    );
    const companyView = async () =>
      (
        await t
          .http()
          .get(`/v1/frontline/cases/${filed.reference}`)
          .set('authorization', auth.agent)
          .expect(200)
      ).body;
    expect((await companyView()).documents).toEqual([]);
    expect((await companyView()).messages.map((m: { type: string }) => m.type)).not.toContain(
      'document.added',
    );
    await t
      .http()
      .post(`${documentsPath('staff', filed.reference)}/${doc.id}/share`)
      .set('authorization', auth.officer)
      .send({ with: 'company' })
      .expect(200);
    const shared = await companyView();
    expect(ids(shared.documents)).toEqual([doc.id]);
    expect(shared.messages).toContainEqual(
      expect.objectContaining({ type: 'document.shared', body: null }),
    );
  });

  it('uploads, shares and withdrawals enter the case’s audit chain with the SHA-256, and the chain verifies', async () => {
    const filed = await investigatedCase(t);
    const staffPath = documentsPath('staff', filed.reference);
    const { body: doc } = await upload(t, staffPath, auth.officer, PNG, {
      filename: 'site-visit.png',
      contentType: 'image/png',
    }).expect(201);
    for (const [route, body] of [
      ['share', { with: 'customer' }],
      ['withdraw', { reason: 'Wrong case' }],
    ] as const)
      await t
        .http()
        .post(`${staffPath}/${doc.id}/${route}`)
        .set('authorization', auth.officer)
        .send(body)
        .expect(200);
    const audit = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}/audit`)
      .set('authorization', auth.auditor)
      .expect(200);
    const entries = (
      audit.body.entries as { action: string; after: Record<string, unknown> }[]
    ).filter((e) => e.action.startsWith('document.'));
    expect(entries.map((e) => e.action)).toEqual([
      'document.added',
      'document.shared',
      'document.withdrawn',
    ]);
    for (const entry of entries)
      expect(entry.after).toMatchObject({
        documentId: doc.id,
        sha256: sha256(PNG),
        storedDigest: expect.any(String),
      });
    const verified = await t
      .http()
      .get('/v1/admin/audit/verify')
      .set('authorization', auth.auditor)
      .expect(200);
    expect(verified.body.valid).toBe(true);
  });

  it('a filename with path parts, control or bidi-override characters is cleaned, never refused', async () => {
    const filed = await investigatedCase(t);
    const { body } = await upload(
      t,
      documentsPath('customer', filed.reference),
      customer(filed),
      PDF,
      {
        filename: '../../etc/invoice\u202Efdp.exe\u0007.pdf',
      },
    ).expect(201);
    expect(body.filename).toBe('invoicefdp.exe.pdf');
  });

  it('the database keeps documents as filed: no update of their content, no delete', async () => {
    const filed = await investigatedCase(t);
    const { body: doc } = await upload(
      t,
      documentsPath('customer', filed.reference),
      customer(filed),
      PDF,
    ).expect(201);
    await expect(
      t.dataSource.query(`UPDATE case_document SET sha256 = repeat('0', 64) WHERE id = $1`, [
        doc.id,
      ]),
    ).rejects.toThrow(/keeps evidence|immutable/);
    await expect(
      t.dataSource.query('DELETE FROM case_document_chunk WHERE document_id = $1', [doc.id]),
    ).rejects.toThrow(/keeps evidence|immutable/);
  });
});
