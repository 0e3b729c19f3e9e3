import { investigatedCase, staff } from './support/cases';
import { FiledCase } from './support/filing';
import { APOLOGY, REFUND, routes, sql } from './support/resolution';
import { startTestApp, TestApp } from './support/test-app';

describe('closing a case with remedies still on offer', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  let r: ReturnType<typeof routes>;
  beforeAll(async () => {
    t = await startTestApp();
    as = staff(t);
    r = routes(t);
  });
  afterAll(() => t.close());

  async function withOpenProposal(): Promise<{ filed: FiledCase; remedyIds: string[] }> {
    const filed = await investigatedCase(t);
    const res = await r
      .admin('post', filed.reference, '/proposals', as.officer, {
        terms: 'The company refunds the deposit and apologises.',
        remedies: [REFUND, APOLOGY],
      })
      .expect(201);
    return { filed, remedyIds: (res.body.remedies as { id: string }[]).map((x) => x.id) };
  }

  const CLOSINGS: [string, (filed: FiledCase) => Promise<unknown>, string][] = [
    [
      'the customer withdraws',
      (filed) => r.customer(filed.reference, '/withdraw', filed.accessToken).expect(200),
      'case.withdraw',
    ],
    [
      'litigation is recorded',
      (filed) =>
        r
          .admin('post', filed.reference, '/litigation', as.officer, {
            party: 'customer',
            court: 'County court',
          })
          .expect(200),
      'case.notify_litigation',
    ],
  ];

  it.each(CLOSINGS)(
    'when %s, every remedy on offer is superseded with an audit entry each, and the chain verifies',
    async (_, close, closingAction) => {
      const { filed, remedyIds } = await withOpenProposal();
      await close(filed);

      const remedies = await sql<{ id: string; status: string }>(
        t,
        `SELECT r.id, r.status FROM remedy r JOIN ombudsman_case c ON c.id = r.case_id
          WHERE c.reference = $1 ORDER BY r.position`,
        [filed.reference],
      );
      expect(remedies).toEqual(remedyIds.map((id) => ({ id, status: 'superseded' })));

      const audit = await sql<{ action: string; after: Record<string, unknown> }>(
        t,
        `SELECT a.action, a.after FROM audit_entry a JOIN ombudsman_case c ON a.chain_key = c.id::text
          WHERE c.reference = $1 AND a.action IN ($2, 'remedy.superseded') ORDER BY a.seq`,
        [filed.reference, closingAction],
      );
      expect(audit.map((a) => a.action)).toEqual([
        closingAction,
        'remedy.superseded',
        'remedy.superseded',
      ]);
      expect(audit.slice(1).map((a) => a.after)).toEqual(
        remedyIds.map((remedyId) =>
          expect.objectContaining({
            remedyId,
            status: 'superseded',
            source: 'proposal',
            reason: 'case_closed',
          }),
        ),
      );

      const verify = await t
        .http()
        .get('/v1/admin/audit/verify')
        .set('authorization', as.auditor)
        .expect(200);
      expect(verify.body.valid).toBe(true);
    },
  );

  it('touches only the closing case: another case keeps its offer open and unaudited', async () => {
    const closing = await withOpenProposal();
    const other = await withOpenProposal();
    await r.customer(closing.filed.reference, '/withdraw', closing.filed.accessToken).expect(200);

    const statuses = await sql<{ status: string }>(
      t,
      `SELECT r.status FROM remedy r JOIN ombudsman_case c ON c.id = r.case_id
        WHERE c.reference = $1`,
      [other.filed.reference],
    );
    expect(statuses.map((s) => s.status)).toEqual(['proposed', 'proposed']);
    const audit = await sql(
      t,
      `SELECT 1 FROM audit_entry a JOIN ombudsman_case c ON a.chain_key = c.id::text
        WHERE c.reference = $1 AND a.action = 'remedy.superseded'`,
      [other.filed.reference],
    );
    expect(audit).toHaveLength(0);
  });

  it('supersedes in code, not by a database trigger', async () => {
    const triggers = await sql(
      t,
      `SELECT 1 FROM pg_trigger WHERE tgname = 'tr_ombudsman_case_closure_supersedes_offers'`,
    );
    expect(triggers).toHaveLength(0);
  });
});
