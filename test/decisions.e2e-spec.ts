import { investigatedCase, staff } from './support/cases';
import { APOLOGY, eur, eventTypes, REFUND, routes, sql } from './support/resolution';
import { startTestApp, TestApp } from './support/test-app';

const UPHELD = {
  finding: 'upheld',
  reasoning: 'The contract allows no deduction from the deposit.',
  remedies: [REFUND, APOLOGY],
};

describe('decisions', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  let r: ReturnType<typeof routes>;
  beforeAll(async () => {
    t = await startTestApp();
    as = staff(t);
    r = routes(t);
  });
  afterAll(() => t.close());

  async function decided(body: object = UPHELD) {
    const filed = await investigatedCase(t);
    const res = await r.admin('post', filed.reference, '/decision', as.ombudsman, body).expect(201);
    return { filed, decision: res.body };
  }

  it('binds the company when the customer accepts, follows the remedies to payment and closes the case as upheld', async () => {
    const { filed, decision } = await decided();
    const ref = filed.reference;
    expect(decision).toMatchObject({ currentRevision: 1, pending: null, answer: null });
    expect(decision.revisions[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(decision).toMatchObject({ id: decision.revisions[0].id, revision: 1 });

    const view = await r.view(ref, filed.accessToken).expect(200);
    expect(view.body.status).toBe('decision_issued');
    expect(view.body.decision).toMatchObject({
      revision: 1,
      revised: false,
      finding: 'upheld',
      answer: null,
    });
    const answerBy = view.body.deadlines.find(
      (d: { kind: string }) => d.kind === 'decision_answer',
    );
    expect(answerBy.party).toBe('customer');
    const days = (new Date(answerBy.dueAt).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);

    const accepted = await r.customer(ref, '/decision/accept', filed.accessToken).expect(200);
    expect(accepted.body.status).toBe('fulfilment');
    expect(accepted.body.decision.answer.answer).toBe('accepted');
    const remedies = accepted.body.remedies as { id: string; status: string }[];
    expect(remedies.map((x) => x.status)).toEqual(['due', 'due']);
    expect(
      accepted.body.deadlines.find((d: { kind: string }) => d.kind === 'decision_answer').metAt,
    ).not.toBeNull();

    for (const remedy of remedies) {
      await r
        .company(ref, `/remedies/${remedy.id}/fulfilment`, as.integration, {
          paymentReference: 'PAY-1',
          note: 'Done',
          fulfilledAt: new Date().toISOString(),
        })
        .expect(200);
    }
    const closed = await r.view(ref, filed.accessToken).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'upheld' });
    expect(await eventTypes(t, ref)).toEqual(
      expect.arrayContaining(['decision.issued', 'decision.answered', 'remedy.fulfilled']),
    );
  });

  it('closes the case as not accepted when the customer rejects, and tells them they keep the courts', async () => {
    const { filed } = await decided();
    const res = await r
      .customer(filed.reference, '/decision/reject', filed.accessToken, { reason: 'Not enough' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'closed', outcome: 'not_accepted' });
    expect(res.body.nextStep).toMatch(/court/);
    expect(res.body.remedies).toEqual([]);
    expect(res.body.decision.remedies.map((x: { status: string }) => x.status)).toEqual([
      'superseded',
      'superseded',
    ]);
    await r.customer(filed.reference, '/decision/accept', filed.accessToken).expect(409);
  });

  it('closes the case as not upheld when the customer accepts a decision that upheld nothing', async () => {
    const { filed } = await decided({
      finding: 'not_upheld',
      reasoning: 'The deduction was lawful.',
      remedies: [],
    });
    const res = await r
      .customer(filed.reference, '/decision/accept', filed.accessToken)
      .expect(200);
    expect(res.body).toMatchObject({ status: 'closed', outcome: 'not_upheld' });
  });

  it('refuses remedies on a not upheld decision', async () => {
    const filed = await investigatedCase(t);
    await r
      .admin('post', filed.reference, '/decision', as.ombudsman, {
        finding: 'not_upheld',
        reasoning: 'x',
        remedies: [REFUND],
      })
      .expect(400);
  });

  it('lets only an ombudsman decide: an officer, an auditor and the front line get 403', async () => {
    const filed = await investigatedCase(t);
    for (const who of [as.officer, as.auditor, as.agent, as.integration]) {
      await r.admin('post', filed.reference, '/decision', who, UPHELD).expect(403);
      await r.admin('post', filed.reference, '/decision/revisions', who, UPHELD).expect(403);
      await r.admin('post', filed.reference, '/decision/issue', who).expect(403);
    }
  });

  it('answers 404 to a staff token on the customer’s decision answers, and changes nothing', async () => {
    const { filed } = await decided();
    for (const who of [as.ombudsman, as.officer, as.auditor, as.agent, as.integration]) {
      for (const answer of ['accept', 'reject']) {
        const res = await t
          .http()
          .post(`/v1/escalations/${filed.reference}/decision/${answer}`)
          .set('authorization', who)
          .send({})
          .expect(404);
        expect(res.body.code).toBe('CASE_NOT_FOUND');
      }
    }
    const view = await r.view(filed.reference, filed.accessToken).expect(200);
    expect(view.body).toMatchObject({ status: 'decision_issued', decision: { answer: null } });
  });

  it('supersedes the open proposal when the ombudsman decides', async () => {
    const filed = await investigatedCase(t);
    const proposal = await r
      .admin('post', filed.reference, '/proposals', as.officer, { terms: 'x', remedies: [REFUND] })
      .expect(201);
    await r.admin('post', filed.reference, '/decision', as.ombudsman, UPHELD).expect(201);
    const res = await r
      .customer(filed.reference, `/proposals/${proposal.body.id}/accept`, filed.accessToken)
      .expect(409);
    expect(res.body.currentStatus).toBe('decision_issued');
    const view = await r.view(filed.reference, filed.accessToken).expect(200);
    expect(view.body.proposals[0].status).toBe('superseded');
  });

  it('keeps every revision: the parties see the current one marked as revised, staff read the history', async () => {
    const { filed, decision } = await decided();
    const revised = await r
      .admin('post', filed.reference, '/decision/revisions', as.ombudsman, {
        ...UPHELD,
        finding: 'partially_upheld',
        remedies: [{ ...REFUND, amount: { amountMinor: 10000, currency: 'EUR' } }],
        reason: 'Part of the deposit covered real damage.',
      })
      .expect(201);
    expect(revised.body.currentRevision).toBe(2);
    expect(revised.body.revisions).toHaveLength(2);
    expect(revised.body).toMatchObject({ id: revised.body.revisions[1].id, revision: 2 });
    expect(revised.body.id).not.toBe(decision.id);
    expect(revised.body.revisions[0]).toMatchObject({
      revision: 1,
      finding: 'upheld',
      contentHash: decision.revisions[0].contentHash,
    });
    expect(revised.body.revisions[0].remedies.map((x: { status: string }) => x.status)).toEqual([
      'superseded',
      'superseded',
    ]);
    expect(revised.body.revisions[1]).toMatchObject({
      revision: 2,
      revisionReason: 'Part of the deposit covered real damage.',
    });

    const view = await r.view(filed.reference, filed.accessToken).expect(200);
    expect(view.body.decision).toMatchObject({
      revision: 2,
      revised: true,
      finding: 'partially_upheld',
      revisionReason: 'Part of the deposit covered real damage.',
    });
    const company = await t
      .http()
      .get(`/v1/frontline/cases/${filed.reference}`)
      .set('authorization', as.agent)
      .expect(200);
    expect(company.body.decision).toMatchObject({ revision: 2, revised: true });

    const audit = await sql<{ action: string; after: { contentHash?: string } }>(
      t,
      `SELECT a.action, a.after FROM audit_entry a JOIN ombudsman_case c ON a.chain_key = c.id::text
        WHERE c.reference = $1 AND a.action LIKE 'decision.%' ORDER BY a.seq`,
      [filed.reference],
    );
    expect(audit.map((a) => [a.action, a.after.contentHash])).toEqual([
      ['decision.issued', revised.body.revisions[0].contentHash],
      ['decision.revised', revised.body.revisions[1].contentHash],
    ]);

    const accepted = await r
      .customer(filed.reference, '/decision/accept', filed.accessToken)
      .expect(200);
    expect(accepted.body.remedies).toEqual([
      expect.objectContaining({ amount: { amountMinor: 10000, currency: 'EUR' }, status: 'due' }),
    ]);
    await r
      .admin('post', filed.reference, '/decision/revisions', as.ombudsman, {
        ...UPHELD,
        reason: 'late',
      })
      .expect(409);
    const history = await r.admin('get', filed.reference, '/decision', as.officer).expect(200);
    expect(history.body.answer.answer).toBe('accepted');
  });

  it('shows the customer and the company every earlier revision, what it awarded and why it was replaced', async () => {
    const { filed, decision } = await decided();
    const ref = filed.reference;
    const first = await r.view(ref, filed.accessToken).expect(200);
    expect(first.body.decision.history).toEqual([]);
    const corrections = [
      {
        ...UPHELD,
        finding: 'partially_upheld',
        remedies: [{ ...REFUND, amount: { amountMinor: 10000, currency: 'EUR' } }],
        reason: 'Part of the deposit covered real damage.',
      },
      { ...UPHELD, remedies: [APOLOGY], reason: 'The damage report was about another flat.' },
    ];
    for (const body of corrections) {
      await r.admin('post', ref, '/decision/revisions', as.ombudsman, body).expect(201);
    }
    const expected = [
      {
        id: decision.id,
        revision: 1,
        finding: 'upheld',
        reasoning: UPHELD.reasoning,
        remedies: [
          { type: 'refund', amount: REFUND.amount, description: REFUND.description },
          { type: 'apology', amount: null, description: APOLOGY.description },
        ],
        issuedAt: expect.any(String),
        revisionReason: null,
        replacedBecause: corrections[0].reason,
      },
      {
        id: expect.any(String),
        revision: 2,
        finding: 'partially_upheld',
        reasoning: UPHELD.reasoning,
        remedies: [
          {
            type: 'refund',
            amount: { amountMinor: 10000, currency: 'EUR' },
            description: REFUND.description,
          },
        ],
        issuedAt: expect.any(String),
        revisionReason: corrections[0].reason,
        replacedBecause: corrections[1].reason,
      },
    ];
    const customer = await r.view(ref, filed.accessToken).expect(200);
    expect(customer.body.decision).toMatchObject({
      revision: 3,
      revised: true,
      revisionReason: corrections[1].reason,
    });
    expect(customer.body.decision.history).toEqual(expected);
    const company = await t
      .http()
      .get(`/v1/frontline/cases/${ref}`)
      .set('authorization', as.agent)
      .expect(200);
    expect(company.body.decision.revision).toBe(3);
    expect(company.body.decision.history).toEqual(expected);
  });

  it('holds a revision above the four-eyes limit from the parties until it is approved and issued', async () => {
    const vera = `Bearer ${t.token('ombudsman', 'vera', 'Vera Ombudsman')}`;
    const paul = `Bearer ${t.token('ombudsman', 'paul', 'Paul Ombudsman')}`;
    const { filed, decision } = await decided();
    const ref = filed.reference;
    const drafted = await r
      .admin('post', ref, '/decision/revisions', as.ombudsman, {
        ...UPHELD,
        remedies: [eur(15000)],
        reason: 'The harm was far greater than first assessed.',
      })
      .expect(201);
    expect(drafted.body).toMatchObject({ currentRevision: 1, revision: 2 });
    expect(drafted.body.id).toBe(drafted.body.pending.id);
    const again = await r
      .admin('post', ref, '/decision/revisions', as.ombudsman, { ...UPHELD, reason: 'Another' })
      .expect(409);
    expect(again.body.code).toBe('DECISION_DRAFT_PENDING');

    const customer = await r.view(ref, filed.accessToken).expect(200);
    expect(customer.body.decision).toMatchObject({ id: decision.id, revision: 1, history: [] });
    const company = await t
      .http()
      .get(`/v1/frontline/cases/${ref}`)
      .set('authorization', as.agent)
      .expect(200);
    expect(company.body.decision).toMatchObject({ id: decision.id, revision: 1, history: [] });
    for (const body of [customer.body, company.body]) {
      expect(JSON.stringify(body)).not.toContain(drafted.body.id);
      expect(JSON.stringify(body)).not.toContain('far greater');
    }

    const early = await r.admin('post', ref, '/decision/issue', as.ombudsman).expect(409);
    expect(early.body.code).toBe('REMEDY_APPROVAL_REQUIRED');
    const remedyId = drafted.body.pending.remedies[0].id;
    await r.admin('post', ref, `/remedies/${remedyId}/approvals`, vera).expect(201);
    await r.admin('post', ref, `/remedies/${remedyId}/approvals`, paul).expect(201);
    const issued = await r.admin('post', ref, '/decision/issue', vera).expect(200);
    expect(issued.body).toMatchObject({
      id: drafted.body.id,
      revision: 2,
      currentRevision: 2,
      pending: null,
    });
    const after = await r.view(ref, filed.accessToken).expect(200);
    expect(after.body.decision).toMatchObject({
      id: drafted.body.id,
      revised: true,
      history: [expect.objectContaining({ revision: 1, replacedBecause: expect.any(String) })],
    });
    expect(await eventTypes(t, ref)).toEqual(
      expect.arrayContaining(['decision.awaiting_approval', 'decision.revised']),
    );
    await r.admin('post', ref, '/decision/issue', as.ombudsman).expect(409);
  });

  it.each(['accept', 'reject'] as const)(
    'a revision still awaiting approval when the customer answers (%s) the earlier one is closed as superseded, on the record, and approvals on it are refused',
    async (answer) => {
      const vera = `Bearer ${t.token('ombudsman', 'vera', 'Vera Ombudsman')}`;
      const { filed, decision } = await decided();
      const ref = filed.reference;
      const drafted = await r
        .admin('post', ref, '/decision/revisions', as.ombudsman, {
          ...UPHELD,
          remedies: [eur(15000)],
          reason: 'The harm was far greater than first assessed.',
        })
        .expect(201);
      const draftId = drafted.body.pending.id as string;
      const remedyId = drafted.body.pending.remedies[0].id as string;
      await r.admin('post', ref, `/remedies/${remedyId}/approvals`, vera).expect(201);

      await r.customer(ref, `/decision/${answer}`, filed.accessToken).expect(200);

      const read = await r.admin('get', ref, '/decision', as.auditor).expect(200);
      expect(read.body).toMatchObject({ currentRevision: 1, pending: null });
      expect(read.body.revisions).toEqual([
        expect.objectContaining({ id: decision.id, revision: 1, status: 'issued' }),
        expect.objectContaining({ id: draftId, revision: 2, status: 'superseded', issuedAt: null }),
      ]);
      expect(read.body.revisions[1].remedies).toEqual([
        expect.objectContaining({ id: remedyId, status: 'superseded' }),
      ]);

      const paul = `Bearer ${t.token('ombudsman', 'paul', 'Paul Ombudsman')}`;
      const approval = await r
        .admin('post', ref, `/remedies/${remedyId}/approvals`, paul)
        .expect(409);
      expect(approval.body.code).toBe('REMEDY_SUPERSEDED');
      const issue = await r.admin('post', ref, '/decision/issue', as.ombudsman).expect(409);
      expect(issue.body.code).toBe('DECISION_NOT_AWAITING_APPROVAL');

      const timeline = await r.admin('get', ref, '/timeline', as.auditor).expect(200);
      expect(timeline.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'decision.revision_superseded',
            actorRole: 'customer',
            body: expect.stringContaining('Revision 2'),
          }),
        ]),
      );
      const [entry] = await sql<{ after: Record<string, unknown> }>(
        t,
        `SELECT a.after FROM audit_entry a JOIN ombudsman_case c ON a.chain_key = c.id::text
          WHERE c.reference = $1 AND a.action = 'decision.revision_superseded'`,
        [ref],
      );
      expect(entry.after).toMatchObject({
        decisionId: draftId,
        revision: 2,
        answeredRevision: 1,
        answer: answer === 'accept' ? 'accepted' : 'rejected',
        status: 'superseded',
      });
      expect(await eventTypes(t, ref)).toContain('decision.revision_superseded');
      const customer = await r.view(ref, filed.accessToken).expect(200);
      expect(JSON.stringify(customer.body)).not.toContain(draftId);
      expect(
        await sql(t, 'UPDATE case_decision SET reasoning = $2 WHERE id = $1', [draftId, 'x']).catch(
          (e: Error) => e.message,
        ),
      ).toMatch(/immutable/);
    },
  );

  it('shows staff the full case with every proposal, the decision with all its revisions and drafts, and every remedy', async () => {
    const filed = await investigatedCase(t);
    const ref = filed.reference;
    const fullCase = async () =>
      (await t.http().get(`/v1/admin/cases/${ref}`).set('authorization', as.auditor).expect(200))
        .body;
    const empty = await fullCase();
    expect(empty).toMatchObject({ proposals: [], decision: null, remedies: [] });

    const rejected = await r
      .admin('post', ref, '/proposals', as.officer, { terms: 'Small offer', remedies: [REFUND] })
      .expect(201);
    await r
      .customer(ref, `/proposals/${rejected.body.id}/reject`, filed.accessToken, {
        reason: 'Said only to the office',
      })
      .expect(200);
    const draft = await r
      .admin('post', ref, '/proposals', as.officer, { terms: 'Big offer', remedies: [eur(5000)] })
      .expect(201);
    const withDraft = await fullCase();
    expect(withDraft.proposals).toEqual([
      expect.objectContaining({
        id: rejected.body.id,
        status: 'rejected',
        answers: expect.objectContaining({
          customer: expect.objectContaining({ reason: 'Said only to the office' }),
        }),
      }),
      expect.objectContaining({ id: draft.body.id, status: 'awaiting_approval', madeAt: null }),
    ]);

    const issued = await r.admin('post', ref, '/decision', as.ombudsman, UPHELD).expect(201);
    const pending = await r
      .admin('post', ref, '/decision/revisions', as.ombudsman, {
        ...UPHELD,
        remedies: [eur(15000)],
        reason: 'A larger award',
      })
      .expect(201);
    const full = await fullCase();
    expect(full.proposals.map((p: { status: string }) => p.status)).toEqual([
      'rejected',
      'superseded',
    ]);
    expect(full.decision).toMatchObject({
      id: pending.body.id,
      currentRevision: 1,
      pending: {
        id: pending.body.id,
        status: 'awaiting_approval',
        revisionReason: 'A larger award',
      },
    });
    expect(full.decision.revisions.map((x: { id: string }) => x.id)).toEqual([
      issued.body.id,
      pending.body.id,
    ]);
    const remedies = full.remedies as { source: string; sourceId: string; status: string }[];
    expect(remedies.map((x) => [x.sourceId, x.status])).toEqual([
      [rejected.body.id, 'superseded'],
      [draft.body.id, 'superseded'],
      [issued.body.id, 'proposed'],
      [issued.body.id, 'proposed'],
      [pending.body.id, 'proposed'],
    ]);
    expect(remedies.at(-1)).toMatchObject({ approvalsRequired: 2, approvals: [] });
  });

  it('refuses in the database to change or delete an issued decision', async () => {
    const { filed } = await decided();
    const where = `case_id = (SELECT id FROM ombudsman_case WHERE reference = '${filed.reference}')`;
    await expect(
      sql(t, `UPDATE case_decision SET reasoning = 'tampered' WHERE ${where}`),
    ).rejects.toThrow(/immutable/);
    await expect(sql(t, `DELETE FROM case_decision WHERE ${where}`)).rejects.toThrow(/immutable/);
  });

  it('refuses in the database to change what an issued decision awards, while its remedies are still paid', async () => {
    const { filed, decision } = await decided();
    const mine = `source_id = '${decision.id}'`;
    const tampering = [
      `UPDATE remedy SET amount_minor = 1 WHERE ${mine} AND amount_minor IS NOT NULL`,
      `UPDATE remedy SET currency = 'USD' WHERE ${mine} AND currency IS NOT NULL`,
      `UPDATE remedy SET type = 'other' WHERE ${mine}`,
      `UPDATE remedy SET description = 'A smaller refund' WHERE ${mine}`,
      `UPDATE remedy SET source = 'proposal' WHERE ${mine}`,
      `UPDATE remedy SET source_id = gen_random_uuid() WHERE ${mine}`,
      `DELETE FROM remedy WHERE ${mine}`,
    ];
    for (const statement of tampering) {
      await expect(sql(t, statement)).rejects.toThrow(/immutable/);
    }
    // Writing the same content back is no change; the status columns move on.
    await sql(t, `UPDATE remedy SET description = description, due_at = now() WHERE ${mine}`);

    const accepted = await r
      .customer(filed.reference, '/decision/accept', filed.accessToken)
      .expect(200);
    for (const remedy of accepted.body.remedies as { id: string }[]) {
      await r
        .company(filed.reference, `/remedies/${remedy.id}/fulfilment`, as.agent, {
          note: 'Done',
          fulfilledAt: new Date().toISOString(),
        })
        .expect(200);
    }
    const stored = await sql<{ type: string; amount: string | null; status: string }>(
      t,
      `SELECT type, amount_minor::text AS amount, status FROM remedy WHERE ${mine} ORDER BY position`,
    );
    expect(stored).toEqual([
      { type: 'refund', amount: '12550', status: 'fulfilled' },
      { type: 'apology', amount: null, status: 'fulfilled' },
    ]);
  });

  it('refuses in the database to change or delete the customer’s answer and the approvals', async () => {
    const filed = await investigatedCase(t);
    const made = await r
      .admin('post', filed.reference, '/decision', as.ombudsman, {
        ...UPHELD,
        remedies: [eur(15000)],
      })
      .expect(201);
    const remedyId = made.body.pending.remedies[0].id as string;
    for (const approver of ['otto', 'ora']) {
      const token = `Bearer ${t.token('ombudsman', approver)}`;
      await r.admin('post', filed.reference, `/remedies/${remedyId}/approvals`, token).expect(201);
    }
    await r.admin('post', filed.reference, '/decision/issue', as.ombudsman).expect(200);
    await r.customer(filed.reference, '/decision/accept', filed.accessToken).expect(200);
    const caseId = `(SELECT id FROM ombudsman_case WHERE reference = '${filed.reference}')`;
    for (const statement of [
      `UPDATE decision_answer SET answer = 'rejected' WHERE case_id = ${caseId}`,
      `DELETE FROM decision_answer WHERE case_id = ${caseId}`,
      `UPDATE remedy_approval SET approver = 'mallory' WHERE remedy_id = '${remedyId}'`,
      `DELETE FROM remedy_approval WHERE remedy_id = '${remedyId}'`,
      'TRUNCATE decision_answer',
      'TRUNCATE remedy_approval',
    ]) {
      await expect(sql(t, statement)).rejects.toThrow(/immutable/);
    }
  });

  it('lets a draft decision’s remedies be corrected, but refuses to truncate issued decisions or their remedies', async () => {
    await decided();
    await expect(sql(t, 'TRUNCATE case_decision CASCADE')).rejects.toThrow(/immutable/);
    await expect(sql(t, 'TRUNCATE remedy CASCADE')).rejects.toThrow(/immutable/);
    const filed = await investigatedCase(t);
    const draft = await r
      .admin('post', filed.reference, '/decision', as.ombudsman, {
        ...UPHELD,
        remedies: [eur(15000)],
      })
      .expect(201);
    expect(draft.body.pending.status).toBe('awaiting_approval');
    await sql(t, `UPDATE remedy SET description = 'Corrected before issue' WHERE source_id = $1`, [
      draft.body.id,
    ]);
  });

  it('refuses a revision before there is a decision, and a second decision', async () => {
    const filed = await investigatedCase(t);
    await r
      .admin('post', filed.reference, '/decision/revisions', as.ombudsman, {
        ...UPHELD,
        reason: 'x',
      })
      .expect(409);
    await r.admin('post', filed.reference, '/decision', as.ombudsman, UPHELD).expect(201);
    await r.admin('post', filed.reference, '/decision', as.ombudsman, UPHELD).expect(409);
    await r.admin('get', filed.reference, '/decision', as.agent).expect(403);
  });

  it('records one decision out of twenty concurrent requests', async () => {
    const filed = await investigatedCase(t);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        r.admin('post', filed.reference, '/decision', as.ombudsman, UPHELD),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    const rows = await sql(
      t,
      `SELECT d.id FROM case_decision d JOIN ombudsman_case c ON c.id = d.case_id WHERE c.reference = $1`,
      [filed.reference],
    );
    expect(rows).toHaveLength(1);
    const remedies = await sql(
      t,
      `SELECT r.id FROM remedy r JOIN ombudsman_case c ON c.id = r.case_id WHERE c.reference = $1`,
      [filed.reference],
    );
    expect(remedies).toHaveLength(2);
  });

  it('answers 409 to a customer answering a decision that does not exist, and 404 to another case’s token', async () => {
    const { filed } = await decided();
    const other = await investigatedCase(t);
    const res = await r
      .customer(other.reference, '/decision/accept', other.accessToken)
      .expect(409);
    expect(res.body.currentStatus).toBe('investigation');
    await r.customer(filed.reference, '/decision/accept', other.accessToken).expect(404);
  });
});
