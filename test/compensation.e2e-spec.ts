import { FiledCase } from './support/filing';
import { investigatedCase, staff } from './support/cases';
import { APOLOGY, eur, REFUND, routes, sql } from './support/resolution';
import { startTestApp, TestApp } from './support/test-app';

interface Remedy {
  id: string;
  status: string;
  approvalsRequired: number;
  approvals: { approver: string }[];
}

describe('compensation', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  let r: ReturnType<typeof routes>;
  let vera: string;
  let paul: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { COMPENSATION_BUDGET: 'EUR=100000,GBP=500' } });
    as = staff(t);
    r = routes(t);
    vera = `Bearer ${t.token('ombudsman', 'vera', 'Vera Ombudsman')}`;
    paul = `Bearer ${t.token('ombudsman', 'paul', 'Paul Ombudsman')}`;
  });
  afterAll(() => t.close());

  async function propose(filed: FiledCase, who: string, remedies: object[]) {
    const res = await r
      .admin('post', filed.reference, '/proposals', who, { terms: 'Offer', remedies })
      .expect(201);
    return res.body as { id: string; status: string; remedies: Remedy[]; budgetWarnings: object[] };
  }
  const approve = (filed: FiledCase, remedyId: string, who: string) =>
    r.admin('post', filed.reference, `/remedies/${remedyId}/approvals`, who);
  const send = (filed: FiledCase, proposalId: string, who: string) =>
    r.admin('post', filed.reference, `/proposals/${proposalId}/send`, who);

  async function settle(filed: FiledCase, proposalId: string) {
    await r
      .customer(filed.reference, `/proposals/${proposalId}/accept`, filed.accessToken)
      .expect(200);
    const res = await r
      .company(filed.reference, `/proposals/${proposalId}/accept`, as.agent)
      .expect(200);
    return res.body.remedies as { id: string; status: string }[];
  }

  describe('authority limits', () => {
    it('lets an officer offer up to limit A without approval', async () => {
      const filed = await investigatedCase(t);
      const made = await propose(filed, as.officer, [eur(1000)]);
      expect(made.status).toBe('open');
      expect(made.remedies[0].approvalsRequired).toBe(0);
    });

    it('refuses an approval sent with a stale If-Match with 412, and takes it with the current one', async () => {
      const filed = await investigatedCase(t);
      const made = await propose(filed, as.officer, [eur(1500)]);
      const read = await r.admin('get', filed.reference, '', vera).expect(200);
      const current = read.headers.etag as string;
      const stale = `"${Number(current.replace(/"/g, '')) - 1}"`;
      const refused = await approve(filed, made.remedies[0].id, vera)
        .set('if-match', stale)
        .expect(412);
      expect(refused.body.code).toBe('CASE_VERSION_MISMATCH');
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM remedy_approval WHERE remedy_id = $1',
        [made.remedies[0].id],
      );
      expect(n).toBe(0);
      await approve(filed, made.remedies[0].id, vera).set('if-match', current).expect(201);
    });

    it('holds an officer’s offer above limit A until an ombudsman approves it', async () => {
      const filed = await investigatedCase(t);
      const made = await propose(filed, as.officer, [eur(600), eur(600), APOLOGY]);
      expect(made.status).toBe('awaiting_approval');
      expect(made.remedies.map((x) => x.approvalsRequired)).toEqual([1, 1, 0]);

      const hidden = await r.view(filed.reference, filed.accessToken).expect(200);
      expect(hidden.body.status).toBe('investigation');
      expect(hidden.body.proposals).toEqual([]);
      await r
        .customer(filed.reference, `/proposals/${made.id}/accept`, filed.accessToken)
        .expect(404);

      const early = await send(filed, made.id, as.officer).expect(409);
      expect(early.body.code).toBe('REMEDY_APPROVAL_REQUIRED');
      expect(early.body.remedies).toHaveLength(2);

      const byOfficer = await approve(filed, made.remedies[0].id, as.officer).expect(403);
      expect(byOfficer.body.code).toBe('REMEDY_ABOVE_AUTHORITY');
      await approve(filed, made.remedies[0].id, as.ombudsman).expect(201);
      await send(filed, made.id, as.officer).expect(409);
      const second = await approve(filed, made.remedies[1].id, as.ombudsman).expect(201);
      expect(second.body.approvals).toEqual([expect.objectContaining({ approver: 'oscar' })]);
      expect(second.body).toMatchObject({
        id: made.remedies[1].id,
        approvalId: second.body.approvals[0].id,
      });
      const [stored] = await sql<{ remedy_id: string; approver: string }>(
        t,
        'SELECT remedy_id, approver FROM remedy_approval WHERE id = $1',
        [second.body.approvalId],
      );
      expect(stored).toEqual({ remedy_id: made.remedies[1].id, approver: 'oscar' });
      const nothingToApprove = await approve(filed, made.remedies[2].id, as.ombudsman).expect(409);
      expect(nothingToApprove.body.code).toBe('REMEDY_APPROVAL_NOT_NEEDED');

      const sent = await send(filed, made.id, as.officer).expect(200);
      expect(sent.body.status).toBe('open');
      const visible = await r.view(filed.reference, filed.accessToken).expect(200);
      expect(visible.body.status).toBe('mediation');
      expect(visible.body.proposals).toHaveLength(1);
      await send(filed, made.id, as.officer).expect(409);
    });

    it('lets an ombudsman offer up to limit B on their own authority', async () => {
      const filed = await investigatedCase(t);
      const made = await propose(filed, as.ombudsman, [eur(10000)]);
      expect(made.status).toBe('open');
    });

    it('asks two different ombudsmen above limit B, never the same twice', async () => {
      const filed = await investigatedCase(t);
      const made = await propose(filed, as.officer, [eur(20000)]);
      const remedyId = made.remedies[0].id;
      expect(made.remedies[0].approvalsRequired).toBe(2);
      await approve(filed, remedyId, as.ombudsman).expect(201);
      const twice = await approve(filed, remedyId, as.ombudsman).expect(409);
      expect(twice.body.code).toBe('REMEDY_ALREADY_APPROVED');
      await send(filed, made.id, as.officer).expect(409);
      await approve(filed, remedyId, vera).expect(201);
      const third = await approve(filed, remedyId, paul).expect(409);
      expect(third.body.code).toBe('REMEDY_APPROVAL_NOT_NEEDED');
      await send(filed, made.id, as.officer).expect(200);
    });

    it('never lets the proposer approve their own remedy', async () => {
      const filed = await investigatedCase(t);
      const made = await propose(filed, as.ombudsman, [eur(20000)]);
      const res = await approve(filed, made.remedies[0].id, as.ombudsman).expect(403);
      expect(res.body.code).toBe('REMEDY_SELF_APPROVAL');
    });

    it('records at most two approvals, each by a different ombudsman, when they approve at once', async () => {
      const filed = await investigatedCase(t);
      const made = await propose(filed, as.officer, [eur(50000)]);
      const remedyId = made.remedies[0].id;
      const answers = await Promise.all(
        [as.ombudsman, vera, paul, vera, as.ombudsman].map((who) => approve(filed, remedyId, who)),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(3);
      const rows = await sql<{ approver: string }>(
        t,
        'SELECT approver FROM remedy_approval WHERE remedy_id = $1',
        [remedyId],
      );
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((x) => x.approver)).size).toBe(2);
    });

    it('holds a decision above limit B until two other ombudsmen approve it', async () => {
      const filed = await investigatedCase(t);
      const body = { finding: 'upheld', reasoning: 'Serious harm.', remedies: [eur(15000)] };
      const drafted = await r
        .admin('post', filed.reference, '/decision', as.ombudsman, body)
        .expect(201);
      expect(drafted.body).toMatchObject({ currentRevision: null });
      expect(drafted.body.pending.status).toBe('awaiting_approval');
      const view = await r.view(filed.reference, filed.accessToken).expect(200);
      expect(view.body).toMatchObject({ status: 'investigation', decision: null });

      const early = await r
        .admin('post', filed.reference, '/decision/issue', as.ombudsman)
        .expect(409);
      expect(early.body.code).toBe('REMEDY_APPROVAL_REQUIRED');
      const remedyId = drafted.body.pending.remedies[0].id;
      await approve(filed, remedyId, as.ombudsman).expect(403);
      await approve(filed, remedyId, vera).expect(201);
      await approve(filed, remedyId, paul).expect(201);
      const issued = await r
        .admin('post', filed.reference, '/decision/issue', as.ombudsman)
        .expect(200);
      expect(issued.body).toMatchObject({ currentRevision: 1, pending: null });
      const after = await r.view(filed.reference, filed.accessToken).expect(200);
      expect(after.body.status).toBe('decision_issued');
    });

    it('refuses approvals from an auditor and from the front line', async () => {
      const filed = await investigatedCase(t);
      const made = await propose(filed, as.officer, [eur(5000)]);
      for (const who of [as.auditor, as.agent, as.integration]) {
        await approve(filed, made.remedies[0].id, who).expect(403);
      }
      const other = await investigatedCase(t);
      await approve(other, made.remedies[0].id, as.ombudsman).expect(404);
    });
  });

  describe('fulfilment', () => {
    it('refuses fulfilment that is not owed, twice, in the future, or by ombudsman staff', async () => {
      const filed = await investigatedCase(t);
      const made = await propose(filed, as.officer, [REFUND, APOLOGY]);
      const body = { note: 'Paid', fulfilledAt: new Date().toISOString() };
      const early = await r
        .company(filed.reference, `/remedies/${made.remedies[0].id}/fulfilment`, as.agent, body)
        .expect(409);
      expect(early.body.currentStatus).toBe('mediation');
      const [refund] = await settle(filed, made.id);
      await r
        .company(filed.reference, `/remedies/${refund.id}/fulfilment`, as.agent, {
          note: 'Paid',
          fulfilledAt: new Date(Date.now() + 86_400_000).toISOString(),
        })
        .expect(400);
      await r
        .company(filed.reference, `/remedies/${refund.id}/fulfilment`, as.officer, body)
        .expect(403);
      await r
        .company(filed.reference, `/remedies/${refund.id}/fulfilment`, as.auditor, body)
        .expect(403);
      await r
        .company(filed.reference, `/remedies/${refund.id}/fulfilment`, as.agent, { note: 'x' })
        .expect(400);
      await r
        .company(filed.reference, `/remedies/${refund.id}/fulfilment`, as.agent, body)
        .expect(200);
      const again = await r
        .company(filed.reference, `/remedies/${refund.id}/fulfilment`, as.agent, body)
        .expect(409);
      expect(again.body).toMatchObject({ code: 'REMEDY_NOT_DUE', remedyStatus: 'fulfilled' });
      const other = await investigatedCase(t);
      await r
        .company(other.reference, `/remedies/${refund.id}/fulfilment`, as.agent, body)
        .expect(404);
    });

    it('lets staff confirm or dispute what the company recorded, and shows a dispute to the company', async () => {
      const filed = await investigatedCase(t);
      const made = await propose(filed, as.officer, [REFUND, APOLOGY]);
      const [refund, apology] = await settle(filed, made.id);
      await r
        .admin('post', filed.reference, `/remedies/${refund.id}/confirmation`, as.officer, {
          result: 'confirmed',
        })
        .expect(409);
      const body = { note: 'Paid', fulfilledAt: new Date().toISOString() };
      await r.company(filed.reference, `/remedies/${refund.id}/fulfilment`, as.agent, body);
      await r.company(filed.reference, `/remedies/${apology.id}/fulfilment`, as.agent, body);
      await r
        .admin('post', filed.reference, `/remedies/${refund.id}/confirmation`, as.agent, {
          result: 'confirmed',
        })
        .expect(403);
      await r
        .admin('post', filed.reference, `/remedies/${refund.id}/confirmation`, as.auditor, {
          result: 'confirmed',
        })
        .expect(403);
      const disputed = await r
        .admin('post', filed.reference, `/remedies/${refund.id}/confirmation`, as.officer, {
          result: 'disputed',
          note: 'The customer says nothing arrived.',
        })
        .expect(200);
      expect(disputed.body).toMatchObject({ confirmation: 'disputed', status: 'fulfilled' });
      const company = await t
        .http()
        .get(`/v1/frontline/cases/${filed.reference}`)
        .set('authorization', as.agent)
        .expect(200);
      expect(company.body.messages.map((m: { type: string }) => m.type)).toContain(
        'remedy.disputed',
      );
      const listed = await r.admin('get', filed.reference, '/remedies', as.auditor).expect(200);
      expect(listed.body.map((x: Remedy) => x.status)).toEqual(['fulfilled', 'fulfilled']);
    });

    it('lists overdue remedies oldest deadline first, page by page', async () => {
      const cases: FiledCase[] = [];
      for (let i = 0; i < 3; i += 1) {
        const filed = await investigatedCase(t);
        const made = await propose(filed, as.officer, [REFUND]);
        const [remedy] = await settle(filed, made.id);
        await sql(t, `UPDATE remedy SET due_at = now() - make_interval(days => $2) WHERE id = $1`, [
          remedy.id,
          10 - i,
        ]);
        cases.push(filed);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page = await t
          .http()
          .get(`/v1/admin/remedies?overdue=true&limit=2${query}`)
          .set('authorization', as.auditor)
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        for (const item of page.body.items) {
          expect(item).toMatchObject({ status: 'due', overdue: true });
          seen.push(item.caseReference);
        }
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(cases.map((c) => c.reference));
      await t
        .http()
        .get('/v1/admin/remedies?overdue=true')
        .set('authorization', as.agent)
        .expect(403);
      await t
        .http()
        .get('/v1/admin/remedies?cursor=nonsense')
        .set('authorization', as.officer)
        .expect(400);
      const all = await t
        .http()
        .get('/v1/admin/remedies?status=due&limit=100')
        .set('authorization', as.officer)
        .expect(200);
      expect(all.body.items.length).toBeGreaterThanOrEqual(3);
    });
  });

  describe('budget', () => {
    const gbp = (major: number) => ({
      type: 'distress_compensation',
      amount: { amountMinor: major * 100, currency: 'GBP' },
      description: 'For the distress',
    });

    it('shows budget, committed, paid and left, and warns an offer that would exceed it', async () => {
      const year = new Date().getUTCFullYear();
      const budgetOf = async () => {
        const res = await t
          .http()
          .get(`/v1/admin/compensation/budget?year=${year}`)
          .set('authorization', as.auditor)
          .expect(200);
        return res.body.currencies.find((c: { currency: string }) => c.currency === 'GBP');
      };
      expect(await budgetOf()).toEqual({
        currency: 'GBP',
        budget: { amountMinor: 50000, currency: 'GBP' },
        committed: { amountMinor: 0, currency: 'GBP' },
        paid: { amountMinor: 0, currency: 'GBP' },
        left: { amountMinor: 50000, currency: 'GBP' },
      });
      const first = await investigatedCase(t);
      const made = await propose(first, as.officer, [gbp(300)]);
      expect(made.budgetWarnings).toEqual([]);
      const [remedy] = await settle(first, made.id);
      expect(await budgetOf()).toMatchObject({
        committed: { amountMinor: 30000 },
        paid: { amountMinor: 0 },
        left: { amountMinor: 20000 },
      });
      await r
        .company(first.reference, `/remedies/${remedy.id}/fulfilment`, as.agent, {
          paymentReference: 'BACS-9',
          note: 'Paid',
          fulfilledAt: new Date().toISOString(),
        })
        .expect(200);
      expect(await budgetOf()).toMatchObject({
        committed: { amountMinor: 0 },
        paid: { amountMinor: 30000 },
        left: { amountMinor: 20000 },
      });

      const second = await investigatedCase(t);
      const warned = await propose(second, as.officer, [gbp(300)]);
      expect(warned.status).toBe('open');
      expect(warned.budgetWarnings).toEqual([
        expect.objectContaining({
          currency: 'GBP',
          budget: { amountMinor: 50000, currency: 'GBP' },
          afterThis: { amountMinor: 60000, currency: 'GBP' },
        }),
      ]);
      const lastYear = await t
        .http()
        .get(`/v1/admin/compensation/budget?year=${year - 1}`)
        .set('authorization', as.officer)
        .expect(200);
      expect(
        lastYear.body.currencies.find((c: { currency: string }) => c.currency === 'GBP').paid
          .amountMinor,
      ).toBe(0);
      await t
        .http()
        .get('/v1/admin/compensation/budget?year=nineteen')
        .set('authorization', as.officer)
        .expect(400);
      await t
        .http()
        .get('/v1/admin/compensation/budget')
        .set('authorization', as.integration)
        .expect(403);
    });
  });
});
