import { createHash, randomBytes } from 'node:crypto';
import { PortalCaseRepository } from '../src/portal/portal-case.repository';
import { PortalSessionsRepository } from '../src/portal/session/portal-sessions.repository';
import { CustomerViewService } from '../src/views/customer/customer-view.service';
import { investigatedCase, staff } from './support/cases';
import { documentsPath, PDF, PNG, upload } from './support/documents';
import { fileCase } from './support/filing';
import { REFUND, routes, sql } from './support/resolution';
import { startTestApp, TestApp } from './support/test-app';

/** The case page's one-statement read (src/portal/portal-case.repository.ts) against the API's view. */
describe('the customer case page read', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  let r: ReturnType<typeof routes>;
  let pages: PortalCaseRepository;
  let views: CustomerViewService;

  beforeAll(async () => {
    t = await startTestApp();
    as = staff(t);
    r = routes(t);
    pages = t.app.get(PortalCaseRepository);
    views = t.app.get(CustomerViewService);
  });
  afterAll(() => t.close());

  async function session(reference: string): Promise<Buffer> {
    const [c] = await sql<{ id: string }>(t, 'SELECT id FROM ombudsman_case WHERE reference = $1', [
      reference,
    ]);
    const idHash = createHash('sha256').update(randomBytes(32)).digest();
    await t.app.get(PortalSessionsRepository).insert(idHash, c.id, 3600);
    return idHash;
  }

  it('shows the customer what the API’s customer view shows, and nothing of the office', async () => {
    const filed = await investigatedCase(t);
    const ref = filed.reference;
    await r.customer(ref, '/messages', filed.accessToken, { body: 'Receipt 4471-22.' }).expect(201);
    await r
      .admin('post', ref, '/information-requests', as.officer, {
        party: 'customer',
        question: 'Which day did you return the goods?',
      })
      .expect(201);
    await r.admin('post', ref, '/notes', as.officer, { body: 'Internal: call them' });
    await upload(t, documentsPath('customer', ref), `Bearer ${filed.accessToken}`, PDF).expect(201);
    await upload(t, documentsPath('staff', ref), as.officer, PNG, {
      filename: 'office.png',
      contentType: 'image/png',
    }).expect(201);
    await r
      .admin('post', ref, '/proposals', as.officer, {
        terms: 'Refund in full.',
        remedies: [REFUND],
      })
      .expect(201);

    const read = await pages.read(await session(ref), ref);
    const api = await r.view(ref, filed.accessToken).expect(200);
    const page = JSON.parse(JSON.stringify(await views.fromRead(read!))) as typeof api.body;
    expect(page).toEqual(api.body);
    expect(page.documents).toHaveLength(1);
    expect(page.proposals).toHaveLength(1);
    expect(page.deadlines.length).toBeGreaterThan(1);
    expect(JSON.stringify(page)).not.toContain('Internal: call them');
  });

  it('reads nothing for a session of another case, an expired one, or one of a replaced link', async () => {
    const mine = await fileCase(t);
    const theirs = await fileCase(t);
    const idHash = await session(mine.reference);
    expect(await pages.read(idHash, mine.reference)).not.toBeNull();
    expect(await pages.read(idHash, theirs.reference)).toBeNull();

    const stale = await session(mine.reference);
    await sql(
      t,
      `UPDATE portal_session SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE id_hash = $1`,
      [stale],
    );
    expect(await pages.read(stale, mine.reference)).toBeNull();

    await sql(t, `UPDATE ombudsman_case SET access_token_hash = $2 WHERE reference = $1`, [
      mine.reference,
      randomBytes(32),
    ]);
    expect(await pages.read(idHash, mine.reference)).toBeNull();
  });
});
