import { adminQuery } from './support/database';
import { investigatedCase, staff } from './support/cases';
import { binary, documentsPath, Family, PDF, upload } from './support/documents';
import { databaseName, FiledCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

/** Who may reach which documents: 404 for what is not yours to see, 403 for a route not yours. */
describe('access to documents, for every route family and role', () => {
  let t: TestApp;
  let auth: ReturnType<typeof staff>;
  let mine: FiledCase;
  let other: FiledCase;
  /** A document of `other`, visible to every side. */
  let foreignId: string;
  /** A document of `mine`, visible to every side. */
  let ownId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { DOCUMENT_PARTY_ACCESS_DAYS: '30' } });
    auth = staff(t);
    [mine, other] = [await investigatedCase(t), await investigatedCase(t)];
    const share = async (reference: string, id: string) => {
      for (const party of ['customer', 'company'])
        await t
          .http()
          .post(`${documentsPath('staff', reference)}/${id}/share`)
          .set('authorization', auth.officer)
          .send({ with: party })
          .expect(200);
    };
    ownId = (await upload(t, documentsPath('staff', mine.reference), auth.officer, PDF).expect(201))
      .body.id;
    foreignId = (
      await upload(t, documentsPath('staff', other.reference), auth.officer, PDF).expect(201)
    ).body.id;
    await share(mine.reference, ownId);
    await share(other.reference, foreignId);
  });
  afterAll(() => t.close());

  const callers = (): [Family, string, string][] => [
    ['customer', 'customer', `Bearer ${mine.accessToken}`],
    ['company', 'frontline_agent', auth.agent],
    ['company', 'integration', auth.integration],
    ['staff', 'ombudsman_officer', auth.officer],
    ['staff', 'ombudsman', auth.ombudsman],
    ['staff', 'auditor', auth.auditor],
  ];
  const get = (path: string, authorization: string) =>
    t.http().get(path).set('authorization', authorization).buffer(true).parse(binary);

  it('every role reads its documents, and gets 404 for another case’s document under its case', async () => {
    for (const [family, role, authorization] of callers()) {
      const path = documentsPath(family, mine.reference);
      const listed = await get(path, authorization);
      expect({ role, status: listed.status }).toEqual({ role, status: 200 });
      const own = await get(`${path}/${ownId}/content`, authorization);
      expect({ role, status: own.status }).toEqual({ role, status: 200 });
      const foreign = await get(`${path}/${foreignId}/content`, authorization);
      expect({ role, status: foreign.status, code: foreign.body.code }).toEqual({
        role,
        status: 404,
        code: 'DOCUMENT_NOT_FOUND',
      });
      const malformed = await get(`${path}/not-a-uuid/content`, authorization);
      expect({ role, status: malformed.status }).toEqual({ role, status: 404 });
    }
  });

  it('a customer’s token opens no other case’s documents, and a staff token no customer route', async () => {
    const path = documentsPath('customer', other.reference);
    await get(path, `Bearer ${mine.accessToken}`).expect(404);
    await get(`${path}/${foreignId}/content`, `Bearer ${mine.accessToken}`).expect(404);
    await upload(t, path, `Bearer ${mine.accessToken}`, PDF).expect(404);
    await get(documentsPath('customer', mine.reference), auth.ombudsman).expect(404);
    await get(`${documentsPath('customer', mine.reference)}/${ownId}/content`, auth.agent).expect(
      404,
    );
  });

  it('a case token opens no company or staff route, and a role answers 403 on the other side’s routes', async () => {
    const customer = `Bearer ${mine.accessToken}`;
    await get(documentsPath('company', mine.reference), customer).expect(401);
    await get(`${documentsPath('staff', mine.reference)}/${ownId}/content`, customer).expect(401);
    for (const authorization of [auth.agent, auth.integration]) {
      await get(documentsPath('staff', mine.reference), authorization).expect(403);
      await upload(t, documentsPath('staff', mine.reference), authorization, PDF).expect(403);
    }
    for (const authorization of [auth.officer, auth.ombudsman, auth.auditor]) {
      await get(documentsPath('company', mine.reference), authorization).expect(403);
      await upload(t, documentsPath('company', mine.reference), authorization, PDF).expect(403);
    }
  });

  it('an auditor reads every document but may not upload, share or withdraw', async () => {
    const path = documentsPath('staff', mine.reference);
    await upload(t, path, auth.auditor, PDF).expect(403);
    await t
      .http()
      .post(`${path}/${ownId}/share`)
      .set('authorization', auth.auditor)
      .send({ with: 'company' })
      .expect(403);
    await t
      .http()
      .post(`${path}/${ownId}/withdraw`)
      .set('authorization', auth.auditor)
      .send({ reason: 'x' })
      .expect(403);
  });

  it('the office cannot share or withdraw another case’s document under this case', async () => {
    const path = documentsPath('staff', mine.reference);
    await t
      .http()
      .post(`${path}/${foreignId}/share`)
      .set('authorization', auth.officer)
      .send({ with: 'company' })
      .expect(404);
    await t
      .http()
      .post(`${path}/${foreignId}/withdraw`)
      .set('authorization', auth.ombudsman)
      .send({ reason: 'x' })
      .expect(404);
  });

  it('a conflicted member of staff may read the documents but not add, share or withdraw', async () => {
    const conflicted = `Bearer ${t.token('ombudsman_officer', 'carl', 'Carl Conflicted')}`;
    await t
      .http()
      .post(`/v1/admin/cases/${mine.reference}/conflicts`)
      .set('authorization', conflicted)
      .send({ staffId: 'carl', reason: 'My cousin works there' })
      .expect(201);
    const path = documentsPath('staff', mine.reference);
    await get(path, conflicted).expect(200);
    const res = await upload(t, path, conflicted, PDF).expect(403);
    expect(res.body.code).toBe('CONFLICT_OF_INTEREST');
    await t
      .http()
      .post(`${path}/${ownId}/share`)
      .set('authorization', conflicted)
      .send({ with: 'company' })
      .expect(403);
  });

  it('a case closed long ago keeps its documents from the parties, not from the office', async () => {
    const old = await investigatedCase(t);
    const id = (
      await upload(
        t,
        documentsPath('customer', old.reference),
        `Bearer ${old.accessToken}`,
        PDF,
      ).expect(201)
    ).body.id;
    await t
      .http()
      .post(`${documentsPath('staff', old.reference)}/${id}/share`)
      .set('authorization', auth.officer)
      .send({ with: 'company' })
      .expect(200);
    await adminQuery(
      `UPDATE ombudsman_case SET status = 'closed', outcome = 'withdrawn', closed_at = now() - interval '31 days'
        WHERE reference = $1`,
      [old.reference],
      databaseName(t),
    );
    for (const [family, authorization] of [
      ['customer', `Bearer ${old.accessToken}`],
      ['company', auth.agent],
    ] as const) {
      const path = documentsPath(family, old.reference);
      await get(path, authorization).expect(404);
      await get(`${path}/${id}/content`, authorization).expect(404);
    }
    await get(`${documentsPath('staff', old.reference)}/${id}/content`, auth.auditor).expect(200);
    const view = await t
      .http()
      .get(`/v1/escalations/${old.reference}`)
      .set('authorization', `Bearer ${old.accessToken}`)
      .expect(200);
    expect(view.body.documents).toEqual([]);
  });
});
