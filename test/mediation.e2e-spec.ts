import { ProposalExpirySweepService } from '../src/mediation/proposal-expiry-sweep.service';
import { investigatedCase, staff, submittedCase } from './support/cases';
import { APOLOGY, eur, eventTypes, REFUND, routes, sql } from './support/resolution';
import { startTestApp, TestApp } from './support/test-app';

describe('mediation', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  let r: ReturnType<typeof routes>;
  beforeAll(async () => {
    t = await startTestApp();
    as = staff(t);
    r = routes(t);
  });
  afterAll(() => t.close());

  async function proposed(remedies: object[] = [REFUND, APOLOGY]) {
    const filed = await investigatedCase(t);
    const res = await r
      .admin('post', filed.reference, '/proposals', as.officer, {
        terms: 'The company refunds the deposit and apologises.',
        remedies,
      })
      .expect(201);
    return { filed, proposal: res.body as { id: string; remedies: { id: string }[] } };
  }

  it('settles a case when both parties accept, follows the remedies to payment and closes it as settled', async () => {
    const { filed, proposal } = await proposed();
    const ref = filed.reference;
    expect(proposal).toMatchObject({ status: 'open', budgetWarnings: [] });

    const seen = await r.view(ref, filed.accessToken).expect(200);
    expect(seen.body.status).toBe('mediation');
    expect(seen.body.proposals).toEqual([
      expect.objectContaining({
        id: proposal.id,
        status: 'open',
        answers: { customer: null, company: null },
        remedies: [
          expect.objectContaining({ type: 'refund', amount: REFUND.amount, status: 'proposed' }),
          expect.objectContaining({ type: 'apology', amount: null }),
        ],
      }),
    ]);

    const afterCustomer = await r
      .customer(ref, `/proposals/${proposal.id}/accept`, filed.accessToken)
      .expect(200);
    expect(afterCustomer.body.status).toBe('mediation');
    expect(afterCustomer.body.proposals[0].answers.customer.answer).toBe('accepted');

    const afterCompany = await r
      .company(ref, `/proposals/${proposal.id}/accept`, as.agent)
      .expect(200);
    expect(afterCompany.body.status).toBe('fulfilment');
    expect(afterCompany.body.proposals[0].status).toBe('accepted');
    const remedies = afterCompany.body.remedies as { id: string; status: string; dueAt: string }[];
    expect(remedies).toHaveLength(2);
    for (const remedy of remedies) {
      expect(remedy.status).toBe('due');
      const days = (new Date(remedy.dueAt).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(27.9);
      expect(days).toBeLessThan(28.1);
    }
    const payments = afterCompany.body.deadlines.filter(
      (d: { kind: string }) => d.kind === 'remedy_payment',
    );
    expect(payments).toHaveLength(2);
    expect(payments[0]).toMatchObject({ party: 'company', metAt: null });

    const first = await r
      .company(ref, `/remedies/${remedies[0].id}/fulfilment`, as.agent, {
        paymentReference: 'SEPA-0001',
        note: 'Refunded to the card.',
        fulfilledAt: new Date().toISOString(),
      })
      .expect(200);
    expect(first.body).toMatchObject({ caseStatus: 'fulfilment', caseOutcome: null });
    const last = await r
      .company(ref, `/remedies/${remedies[1].id}/fulfilment`, as.agent, {
        note: 'Letter sent.',
        fulfilledAt: new Date().toISOString(),
      })
      .expect(200);
    expect(last.body).toMatchObject({ caseStatus: 'closed', caseOutcome: 'settled' });

    const final = await r.view(ref, filed.accessToken).expect(200);
    expect(final.body).toMatchObject({ status: 'closed', outcome: 'settled' });
    expect(final.body.remedies[0]).toMatchObject({
      status: 'fulfilled',
      paymentReference: 'SEPA-0001',
      fulfilmentNote: 'Refunded to the card.',
    });
    expect(final.body.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['proposal.made', 'proposal.answered', 'remedy.fulfilled']),
    );
    expect(await eventTypes(t, ref)).toEqual(
      expect.arrayContaining([
        'proposal.made',
        'proposal.answered',
        'remedy.due',
        'remedy.fulfilled',
        'case.status_changed',
      ]),
    );
    const verify = await t
      .http()
      .get('/v1/admin/audit/verify')
      .set('authorization', as.auditor)
      .expect(200);
    expect(verify.body.valid).toBe(true);
  });

  it('closes a settlement without remedies at once', async () => {
    const { filed, proposal } = await proposed([]);
    await r.customer(filed.reference, `/proposals/${proposal.id}/accept`, filed.accessToken);
    const res = await r
      .company(filed.reference, `/proposals/${proposal.id}/accept`, as.integration)
      .expect(200);
    expect(res.body).toMatchObject({ status: 'closed', outcome: 'settled' });
  });

  it('keeps the case in mediation when a party rejects, and the rejected proposal cannot be answered again', async () => {
    const { filed, proposal } = await proposed();
    const res = await r
      .customer(filed.reference, `/proposals/${proposal.id}/reject`, filed.accessToken, {
        reason: 'Too little',
      })
      .expect(200);
    expect(res.body.status).toBe('mediation');
    expect(res.body.proposals[0].status).toBe('rejected');
    const late = await r
      .company(filed.reference, `/proposals/${proposal.id}/accept`, as.agent)
      .expect(409);
    expect(late.body).toMatchObject({ code: 'PROPOSAL_NOT_OPEN', proposalStatus: 'rejected' });
    const staffList = await r.admin('get', filed.reference, '/proposals', as.auditor).expect(200);
    expect(staffList.body[0].answers.customer).toMatchObject({
      answer: 'rejected',
      reason: 'Too little',
    });
    expect(staffList.body[0].remedies[0].status).toBe('superseded');
  });

  it('supersedes the open proposal with a newer one, which can then no longer be answered', async () => {
    const { filed, proposal } = await proposed();
    const newer = await r
      .admin('post', filed.reference, '/proposals', as.ombudsman, {
        terms: 'A better offer',
        remedies: [REFUND],
      })
      .expect(201);
    const res = await r
      .customer(filed.reference, `/proposals/${proposal.id}/accept`, filed.accessToken)
      .expect(409);
    expect(res.body).toMatchObject({ code: 'PROPOSAL_NOT_OPEN', proposalStatus: 'superseded' });
    const view = await r.view(filed.reference, filed.accessToken).expect(200);
    expect(view.body.proposals.map((p: { status: string }) => p.status)).toEqual([
      'superseded',
      'open',
    ]);
    expect(view.body.proposals[1].id).toBe(newer.body.id);
  });

  it('stores an untouched proposal as expired once its time ran out, exactly once with two sweepers', async () => {
    const filed = await investigatedCase(t);
    const made = await r
      .admin('post', filed.reference, '/proposals', as.officer, {
        terms: 'Answer by tomorrow',
        remedies: [APOLOGY],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    const sweep = t.app.get(ProposalExpirySweepService);
    expect(await sweep.run()).toBe(0);
    await sql(
      t,
      `UPDATE mediation_proposal SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [made.body.id],
    );
    const [first, second] = await Promise.all([sweep.run(), sweep.run()]);
    expect(first + second).toBe(1);
    const [stored] = await sql<{ status: string }>(
      t,
      'SELECT status FROM mediation_proposal WHERE id = $1',
      [made.body.id],
    );
    expect(stored.status).toBe('expired');
    const remedies = await sql<{ status: string }>(
      t,
      'SELECT status FROM remedy WHERE source_id = $1',
      [made.body.id],
    );
    expect(remedies).toEqual([{ status: 'superseded' }]);
    const events = (await eventTypes(t, filed.reference)).filter((e) => e === 'proposal.expired');
    expect(events).toHaveLength(1);
    const seen = await r.view(filed.reference, filed.accessToken).expect(200);
    expect(seen.body.proposals[0].status).toBe('expired');
    expect(seen.body.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'proposal.expired',
          text: expect.stringMatching(/expired before both sides accepted/),
        }),
      ]),
    );
    expect(await sweep.run()).toBe(0);
  });

  it('refuses an answer to an expired proposal', async () => {
    const filed = await investigatedCase(t);
    const made = await r
      .admin('post', filed.reference, '/proposals', as.officer, {
        terms: 'Answer by tomorrow',
        remedies: [APOLOGY],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    await sql(
      t,
      `UPDATE mediation_proposal SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [made.body.id],
    );
    const res = await r
      .customer(filed.reference, `/proposals/${made.body.id}/accept`, filed.accessToken)
      .expect(409);
    expect(res.body).toMatchObject({ code: 'PROPOSAL_NOT_OPEN', proposalStatus: 'expired' });
    const [stored] = await sql<{ status: string; lapsed_on_time: boolean }>(
      t,
      `SELECT status, closed_at = expires_at AS lapsed_on_time FROM mediation_proposal WHERE id = $1`,
      [made.body.id],
    );
    expect(stored).toEqual({ status: 'expired', lapsed_on_time: true });
    const remedies = await sql<{ status: string }>(
      t,
      'SELECT status FROM remedy WHERE source_id = $1',
      [made.body.id],
    );
    expect(remedies).toEqual([{ status: 'superseded' }]);
    expect(await eventTypes(t, filed.reference)).toContain('proposal.expired');
    const again = await r
      .company(filed.reference, `/proposals/${made.body.id}/accept`, as.agent)
      .expect(409);
    expect(again.body.proposalStatus).toBe('expired');
    const verify = await t
      .http()
      .get('/v1/admin/audit/verify')
      .set('authorization', as.auditor)
      .expect(200);
    expect(verify.body.valid).toBe(true);
  });

  it('stores an expired proposal as expired, not superseded, when a newer proposal or a decision replaces it', async () => {
    const filed = await investigatedCase(t);
    const ref = filed.reference;
    const offer = (terms: string) => ({
      terms,
      remedies: [REFUND],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const lapse = (id: string) =>
      sql(
        t,
        `UPDATE mediation_proposal SET expires_at = now() - interval '1 minute' WHERE id = $1`,
        [id],
      );
    const stored = (id: string) =>
      sql<{ proposal: string; remedy: string }>(
        t,
        `SELECT p.status AS proposal, r.status AS remedy
           FROM mediation_proposal p JOIN remedy r ON r.source_id = p.id WHERE p.id = $1`,
        [id],
      );
    const first = await r.admin('post', ref, '/proposals', as.officer, offer('First')).expect(201);
    await lapse(first.body.id);
    const second = await r
      .admin('post', ref, '/proposals', as.officer, offer('Second'))
      .expect(201);
    expect(await stored(first.body.id)).toEqual([{ proposal: 'expired', remedy: 'superseded' }]);
    const third = await r.admin('post', ref, '/proposals', as.officer, offer('Third')).expect(201);
    expect(await stored(second.body.id)).toEqual([
      { proposal: 'superseded', remedy: 'superseded' },
    ]);
    await lapse(third.body.id);
    await r
      .admin('post', ref, '/decision', as.ombudsman, {
        finding: 'upheld',
        reasoning: 'Nobody answered in time.',
        remedies: [REFUND],
      })
      .expect(201);
    expect(await stored(third.body.id)).toEqual([{ proposal: 'expired', remedy: 'superseded' }]);

    const staffList = await r.admin('get', ref, '/proposals', as.auditor).expect(200);
    expect(staffList.body.map((p: { status: string }) => p.status)).toEqual([
      'expired',
      'superseded',
      'expired',
    ]);
    const view = await r.view(ref, filed.accessToken).expect(200);
    expect(view.body.proposals.map((p: { status: string }) => p.status)).toEqual([
      'expired',
      'superseded',
      'expired',
    ]);
    const events = await eventTypes(t, ref);
    expect(events.filter((e) => e === 'proposal.expired')).toHaveLength(2);
  });

  it('refuses to send a proposal whose expiry passed while it waited for approval', async () => {
    const filed = await investigatedCase(t);
    const made = await r
      .admin('post', filed.reference, '/proposals', as.officer, {
        terms: 'A large offer, for a short time',
        remedies: [eur(5000)],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    await r
      .admin(
        'post',
        filed.reference,
        `/remedies/${made.body.remedies[0].id}/approvals`,
        as.ombudsman,
      )
      .expect(201);
    await sql(
      t,
      `UPDATE mediation_proposal SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [made.body.id],
    );
    const res = await r
      .admin('post', filed.reference, `/proposals/${made.body.id}/send`, as.officer)
      .expect(409);
    expect(res.body.code).toBe('PROPOSAL_EXPIRED');
    const view = await r.view(filed.reference, filed.accessToken).expect(200);
    expect(view.body).toMatchObject({ status: 'investigation', proposals: [] });
  });

  it('refuses an expiry in the past', async () => {
    const filed = await investigatedCase(t);
    const res = await r
      .admin('post', filed.reference, '/proposals', as.officer, {
        terms: 'Too late',
        remedies: [],
        expiresAt: '2020-01-01T00:00:00Z',
      })
      .expect(400);
    expect(res.body.errors[0].field).toBe('expiresAt');
  });

  it('takes one answer per party', async () => {
    const { filed, proposal } = await proposed();
    await r.company(filed.reference, `/proposals/${proposal.id}/accept`, as.agent).expect(200);
    const again = await r
      .company(filed.reference, `/proposals/${proposal.id}/reject`, as.integration)
      .expect(409);
    expect(again.body.code).toBe('PROPOSAL_ALREADY_ANSWERED');
  });

  it('gives exactly one outcome when the customer withdraws while the company accepts last', async () => {
    for (let round = 0; round < 4; round += 1) {
      const { filed, proposal } = await proposed();
      await r
        .customer(filed.reference, `/proposals/${proposal.id}/accept`, filed.accessToken)
        .expect(200);
      const [withdraw, accept] = await Promise.all([
        r.customer(filed.reference, '/withdraw', filed.accessToken, { reason: 'Changed my mind' }),
        r.company(filed.reference, `/proposals/${proposal.id}/accept`, as.agent),
      ]);
      expect([withdraw.status, accept.status].sort()).toEqual([200, 409]);
      const loser = withdraw.status === 409 ? withdraw : accept;
      const [{ status, outcome }] = await sql<{ status: string; outcome: string | null }>(
        t,
        'SELECT status, outcome FROM ombudsman_case WHERE reference = $1',
        [filed.reference],
      );
      expect(loser.body.currentStatus).toBe(status);
      if (withdraw.status === 200) {
        expect([status, outcome]).toEqual(['closed', 'withdrawn']);
        const due = await sql(
          t,
          `SELECT 1 FROM remedy r JOIN ombudsman_case c ON c.id = r.case_id
                                   WHERE c.reference = $1 AND r.status = 'due'`,
          [filed.reference],
        );
        expect(due).toHaveLength(0);
      } else {
        expect(status).toBe('fulfilment');
      }
    }
  });

  it('refuses to answer a proposal once the case has been withdrawn, and its remedies lapse', async () => {
    const { filed, proposal } = await proposed();
    await r.customer(filed.reference, '/withdraw', filed.accessToken).expect(200);
    const res = await r
      .company(filed.reference, `/proposals/${proposal.id}/accept`, as.agent)
      .expect(409);
    expect(res.body).toMatchObject({ code: 'CASE_INVALID_TRANSITION', currentStatus: 'closed' });
    const view = await r.view(filed.reference, filed.accessToken).expect(200);
    expect(view.body.proposals[0].status).toBe('closed');
    expect(view.body.proposals[0].remedies.map((x: { status: string }) => x.status)).toEqual([
      'superseded',
      'superseded',
    ]);
  });

  describe('refusals', () => {
    it('lets only the assigned officer or an ombudsman propose', async () => {
      const filed = await investigatedCase(t);
      const other = `Bearer ${t.token('ombudsman_officer', 'someone-else')}`;
      const res = await r
        .admin('post', filed.reference, '/proposals', other, { terms: 'x', remedies: [] })
        .expect(403);
      expect(res.body.code).toBe('CASE_NOT_ASSIGNED_TO_YOU');
      await r
        .admin('post', filed.reference, '/proposals', as.ombudsman, { terms: 'x', remedies: [] })
        .expect(201);
    });

    it('refuses proposals from an auditor and from the front line', async () => {
      const filed = await investigatedCase(t);
      for (const who of [as.auditor, as.agent, as.integration]) {
        await r
          .admin('post', filed.reference, '/proposals', who, { terms: 'x', remedies: [] })
          .expect(403);
      }
    });

    it('lets only the assigned officer or an ombudsman send a proposal that waited for approval', async () => {
      const filed = await investigatedCase(t);
      const made = await r
        .admin('post', filed.reference, '/proposals', as.officer, {
          terms: 'A large offer',
          remedies: [eur(5000)],
        })
        .expect(201);
      expect(made.body.status).toBe('awaiting_approval');
      await r
        .admin(
          'post',
          filed.reference,
          `/remedies/${made.body.remedies[0].id}/approvals`,
          as.ombudsman,
        )
        .expect(201);
      const send = (who: string) =>
        r.admin('post', filed.reference, `/proposals/${made.body.id}/send`, who);
      for (const who of [as.auditor, as.agent, as.integration]) {
        await send(who).expect(403);
      }
      const other = `Bearer ${t.token('ombudsman_officer', 'someone-else')}`;
      const res = await send(other).expect(403);
      expect(res.body.code).toBe('CASE_NOT_ASSIGNED_TO_YOU');
      const list = await r.admin('get', filed.reference, '/proposals', as.auditor).expect(200);
      expect(list.body[0].status).toBe('awaiting_approval');
      await send(as.officer).expect(200);
    });

    it('keeps the staff lists of proposals and remedies from the front line', async () => {
      const { filed } = await proposed();
      for (const who of [as.agent, as.integration]) {
        await r.admin('get', filed.reference, '/proposals', who).expect(403);
        await r.admin('get', filed.reference, '/remedies', who).expect(403);
      }
    });

    it('never shows the company a draft: neither a proposal awaiting approval nor a pending decision', async () => {
      const filed = await investigatedCase(t);
      const companyView = async () =>
        (
          await t
            .http()
            .get(`/v1/frontline/cases/${filed.reference}`)
            .set('authorization', as.agent)
            .expect(200)
        ).body;
      const draft = await r
        .admin('post', filed.reference, '/proposals', as.officer, {
          terms: 'A draft offer the office has not approved',
          remedies: [eur(5000)],
        })
        .expect(201);
      expect(draft.body.status).toBe('awaiting_approval');
      const seen = await companyView();
      expect(seen).toMatchObject({ status: 'investigation', proposals: [], remedies: [] });
      expect(JSON.stringify(seen)).not.toContain(draft.body.id);
      expect(JSON.stringify(seen)).not.toContain('has not approved');

      const pending = await r
        .admin('post', filed.reference, '/decision', as.ombudsman, {
          finding: 'upheld',
          reasoning: 'A draft decision waiting for two approvals.',
          remedies: [eur(15000)],
        })
        .expect(201);
      expect(pending.body.pending.status).toBe('awaiting_approval');
      const later = await companyView();
      expect(later).toMatchObject({ status: 'investigation', decision: null, remedies: [] });
      expect(later.proposals.map((p: { id: string }) => p.id)).not.toContain(draft.body.id);
      for (const hidden of [
        pending.body.id,
        pending.body.pending.remedies[0].id,
        'two approvals',
      ]) {
        expect(JSON.stringify(later)).not.toContain(hidden);
      }
    });

    it('refuses a proposal before the case is investigated', async () => {
      const filed = await submittedCase(t);
      const res = await r
        .admin('post', filed.reference, '/proposals', as.ombudsman, { terms: 'x', remedies: [] })
        .expect(409);
      expect(res.body.currentStatus).toBe('submitted');
    });

    it('refuses remedies that are not valid', async () => {
      const filed = await investigatedCase(t);
      const bad = [
        [{ type: 'refund', description: 'no amount' }],
        [{ ...APOLOGY, amount: { amountMinor: 100, currency: 'EUR' } }],
        [{ ...REFUND, amount: { amountMinor: 12.5, currency: 'EUR' } }],
        [{ ...REFUND, amount: { amountMinor: 0, currency: 'EUR' } }],
        [{ ...REFUND, amount: { amountMinor: 100, currency: 'XXY' } }],
        [{ ...REFUND, colour: 'red' }],
        [{ type: 'bribe', description: 'no' }],
        Array.from({ length: 21 }, () => APOLOGY),
      ];
      for (const remedies of bad) {
        const res = await r.admin('post', filed.reference, '/proposals', as.officer, {
          terms: 'x',
          remedies,
        });
        expect(res.status).toBe(400);
      }
    });

    it('answers 404 to a customer holding another case’s token, and for a proposal of another case', async () => {
      const { filed, proposal } = await proposed();
      const stranger = await investigatedCase(t);
      await r
        .customer(filed.reference, `/proposals/${proposal.id}/accept`, stranger.accessToken)
        .expect(404);
      const res = await r
        .customer(stranger.reference, `/proposals/${proposal.id}/accept`, stranger.accessToken)
        .expect(404);
      expect(res.body.code).toBe('PROPOSAL_NOT_FOUND');
      await r.company(stranger.reference, `/proposals/${proposal.id}/accept`, as.agent).expect(404);
      await r.company(filed.reference, '/proposals/not-a-uuid/accept', as.agent).expect(404);
    });

    it('keeps company answers away from ombudsman staff and customer answers away from staff tokens', async () => {
      const { filed, proposal } = await proposed();
      await r.company(filed.reference, `/proposals/${proposal.id}/accept`, as.officer).expect(403);
      await r.company(filed.reference, `/proposals/${proposal.id}/accept`, as.auditor).expect(403);
      await t
        .http()
        .post(`/v1/escalations/${filed.reference}/proposals/${proposal.id}/accept`)
        .set('authorization', as.agent)
        .expect(404);
    });

    it('shows the company the proposals and who has answered', async () => {
      const { filed, proposal } = await proposed();
      await r.customer(filed.reference, `/proposals/${proposal.id}/reject`, filed.accessToken, {
        reason: 'private to the office',
      });
      const res = await t
        .http()
        .get(`/v1/frontline/cases/${filed.reference}`)
        .set('authorization', as.agent)
        .expect(200);
      expect(res.body.proposals[0].answers.customer).toMatchObject({ answer: 'rejected' });
      expect(JSON.stringify(res.body)).not.toContain('private to the office');
      expect(res.body.proposals[0].remedies).toHaveLength(2);
    });
  });
});
