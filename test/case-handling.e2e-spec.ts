import { createComplaint, fileCase } from './support/filing';
import { investigatedCase, OFFICER, OMBUDSMAN, staff, submittedCase } from './support/cases';
import { startTestApp, TestApp } from './support/test-app';

describe('handling a case', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  beforeAll(async () => {
    t = await startTestApp();
    as = staff(t);
  });
  afterAll(() => t.close());

  const post = (reference: string, action: string, who: string, body: object = {}) =>
    t.http().post(`/v1/admin/cases/${reference}/${action}`).set('authorization', who).send(body);

  it('accepts a case at triage, acknowledges it and starts the 90-day outcome clock', async () => {
    const filed = await submittedCase(t);
    const res = await post(filed.reference, 'triage', as.officer, {
      decision: 'accept',
      reason: 'In scope',
    }).expect(200);
    expect(res.body.status).toBe('accepted');
    expect(res.headers.etag).toBe('"2"');
    const kinds = res.body.deadlines.map((d: { kind: string; metAt: string | null }) => [
      d.kind,
      d.metAt !== null,
    ]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['acknowledge', true],
        ['outcome', false],
      ]),
    );
  });

  it('refers a case back to the front line at triage', async () => {
    const filed = await submittedCase(t);
    const res = await post(filed.reference, 'triage', as.officer, {
      decision: 'refer_to_frontline',
      reason: 'Not yet answered',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('referred_to_frontline');
  });

  it('accepts at triage a case that was referred to the front line, and starts the outcome clock', async () => {
    const filed = await fileCase(t);
    expect(filed.status).toBe('referred_to_frontline');
    const res = await post(filed.reference, 'triage', as.officer, {
      decision: 'accept',
      reason: 'The front line let its deadline pass',
    }).expect(200);
    expect(res.body.status).toBe('accepted');
    expect(res.body.deadlines).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'outcome', metAt: null })]),
    );
  });

  it('rejects a case at triage only with a reason, and then closes it as rejected', async () => {
    const filed = await submittedCase(t);
    await post(filed.reference, 'triage', as.officer, { decision: 'reject' }).expect(400);
    await post(filed.reference, 'triage', as.officer, {
      decision: 'reject',
      reason: 'Already in court',
    }).expect(200);
    const closed = await post(filed.reference, 'close', as.officer, {
      outcome: 'rejected',
      reason: 'Out of scope',
    }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'rejected' });
  });

  it('lets only an ombudsman accept a late case, with discretion that is recorded', async () => {
    const complaintReference = await createComplaint(t, { answeredDaysAgo: 200 });
    const late = await fileCase(t, { complaintReference });
    expect(late.status).toBe('rejected');
    const accept = { decision: 'accept', reason: 'Customer was in hospital', discretion: true };
    await post(late.reference, 'triage', as.officer, accept).expect(403);
    await post(late.reference, 'triage', as.ombudsman, { ...accept, discretion: undefined }).expect(
      409,
    );
    const res = await post(late.reference, 'triage', as.ombudsman, accept).expect(200);
    expect(res.body.status).toBe('accepted');
    const audit = await t
      .http()
      .get(`/v1/admin/cases/${late.reference}/audit`)
      .set('authorization', as.auditor)
      .expect(200);
    expect(audit.body.entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'case.accept_with_discretion' })]),
    );
    expect(audit.body.intact).toBe(true);
  });

  it('answers an illegal transition with 409 carrying the current status', async () => {
    const filed = await submittedCase(t);
    const res = await post(filed.reference, 'close', as.officer, {
      outcome: 'resolved_by_frontline',
      reason: 'x',
    }).expect(409);
    expect(res.body).toMatchObject({ code: 'CASE_INVALID_TRANSITION', currentStatus: 'submitted' });
  });

  it('refuses a write with a stale If-Match with 412', async () => {
    const filed = await submittedCase(t);
    const read = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', as.officer)
      .expect(200);
    await post(filed.reference, 'notes', as.officer, { body: 'looking' }).expect(201);
    await post(filed.reference, 'triage', as.officer, { decision: 'accept', reason: 'ok' })
      .set('if-match', read.headers.etag)
      .expect(200);
    const stale = await post(filed.reference, 'triage', as.officer, {
      decision: 'reject',
      reason: 'no',
    })
      .set('if-match', read.headers.etag)
      .expect(412);
    expect(stale.body).toMatchObject({ code: 'CASE_VERSION_MISMATCH', currentVersion: 2 });
  });

  describe('If-Match on every staff write', () => {
    const etagOf = async (reference: string) =>
      (
        await t
          .http()
          .get(`/v1/admin/cases/${reference}`)
          .set('authorization', as.auditor)
          .expect(200)
      ).headers.etag as string;
    const previous = (etag: string) => `"${Number(etag.replace(/"/g, '')) - 1}"`;
    const APOLOGY = { type: 'apology', description: 'A written apology' };

    const WRITES: [string, string, object][] = [
      ['assign', 'ombudsman', { officerId: 'peter', officerName: 'Peter P' }],
      ['litigation', 'officer', { party: 'customer', court: 'County court' }],
      ['close', 'ombudsman', { outcome: 'rejected', reason: 'Out of time' }],
      ['notes', 'officer', { body: 'Checked the ledger' }],
      ['messages', 'officer', { to: 'company', body: 'Please send the ledger' }],
      ['information-requests', 'officer', { party: 'company', question: 'Which date?' }],
      ['conflicts', 'ombudsman', { staffId: 'peter', reason: 'Former colleague' }],
      ['proposals', 'officer', { terms: 'An apology', remedies: [APOLOGY] }],
    ];

    /** A case in a status where the write is legal, with one change behind it. */
    const caseFor = async (action: string) => {
      if (action !== 'close') return investigatedCase(t);
      const filed = await submittedCase(t);
      await post(filed.reference, 'triage', as.officer, { decision: 'reject', reason: 'Late' });
      return filed;
    };

    it.each(WRITES)(
      'refuses %s with a stale If-Match with 412 and changes nothing, then accepts the current one',
      async (action, role, body) => {
        const who = as[role as 'officer' | 'ombudsman'];
        const filed = await caseFor(action);
        const current = await etagOf(filed.reference);
        const timeline = async () =>
          (
            await t.dataSource.query(
              `SELECT count(*)::int AS n FROM case_timeline_entry e JOIN ombudsman_case c ON c.id = e.case_id
                WHERE c.reference = $1`,
              [filed.reference],
            )
          )[0].n as number;
        const entriesBefore = await timeline();
        const stale = await post(filed.reference, action, who, body)
          .set('if-match', previous(current))
          .expect(412);
        expect(stale.body).toMatchObject({
          code: 'CASE_VERSION_MISMATCH',
          currentVersion: Number(current.replace(/"/g, '')),
        });
        expect(await etagOf(filed.reference)).toBe(current);
        expect(await timeline()).toBe(entriesBefore);
        const ok = await post(filed.reference, action, who, body).set('if-match', current);
        expect([200, 201]).toContain(ok.status);
        expect(await timeline()).toBeGreaterThan(entriesBefore);
      },
    );

    it('answers a stale If-Match on an unknown case with 404, not 412', async () => {
      await post('OMB-2026-999999', 'notes', as.officer, { body: 'x' })
        .set('if-match', '"1"')
        .expect(404);
    });

    it('refuses an If-Match that is not a case version with 400', async () => {
      const filed = await investigatedCase(t);
      await post(filed.reference, 'notes', as.officer, { body: 'x' })
        .set('if-match', '"abc"')
        .expect(400);
    });

    it('documents If-Match and 412 on the staff writes of cases, proposals and decisions', async () => {
      const doc = await t.http().get('/docs-json').expect(200);
      const paths = doc.body.paths as Record<
        string,
        Record<
          string,
          { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }
        >
      >;
      const writes = [
        '/v1/admin/cases/{reference}/notes',
        '/v1/admin/cases/{reference}/conflicts',
        '/v1/admin/cases/{reference}/proposals',
        '/v1/admin/cases/{reference}/proposals/{proposalId}/send',
        '/v1/admin/cases/{reference}/decision',
        '/v1/admin/cases/{reference}/decision/revisions',
        '/v1/admin/cases/{reference}/decision/issue',
        '/v1/admin/cases/{reference}/remedies/{remedyId}/approvals',
        '/v1/admin/cases/{reference}/remedies/{remedyId}/confirmation',
      ];
      for (const path of writes) {
        const op = paths[path].post;
        expect(op.parameters).toEqual(
          expect.arrayContaining([expect.objectContaining({ name: 'If-Match', in: 'header' })]),
        );
        expect(op.responses).toHaveProperty('412');
      }
      const read = paths['/v1/admin/cases/{reference}/timeline'].get;
      expect((read.parameters ?? []).map((p) => p.name)).not.toContain('If-Match');
    });
  });

  it('lets exactly one of twenty concurrent transitions of one case succeed', async () => {
    const filed = await submittedCase(t);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(filed.reference, 'triage', as.officer, {
          decision: i % 2 ? 'accept' : 'reject',
          reason: `racer ${i}`,
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 409 || s === 412)).toBe(true);
    const changes = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1 AND type = 'case.status_changed'`,
      [filed.reference],
    );
    expect(changes[0].n).toBe(1);
  });

  it('moves an accepted case to investigation when an officer takes it', async () => {
    const filed = await investigatedCase(t);
    const res = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', as.officer)
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'investigation',
      assignedOfficerId: OFFICER,
      assignedOfficerName: 'Olga Officer',
    });
    const customer = await t
      .http()
      .get(`/v1/escalations/${filed.reference}`)
      .set('authorization', `Bearer ${filed.accessToken}`);
    expect(customer.body.handler).toEqual({ name: 'Olga Officer' });
  });

  it('refuses to assign the agent who handled the front-line complaint', async () => {
    const complaintReference = await createComplaint(t, {
      answeredDaysAgo: 5,
      agentId: 'agent-99',
    });
    const filed = await fileCase(t, { complaintReference });
    const res = await post(filed.reference, 'assign', as.ombudsman, {
      officerId: 'agent-99',
    }).expect(409);
    expect(res.body.code).toBe('CASE_CONFLICT_OF_INTEREST');
  });

  it('refuses to assign someone who declared a conflict, and releases them if they held the case', async () => {
    const filed = await investigatedCase(t);
    const declared = await post(filed.reference, 'conflicts', as.officer, {
      reason: 'The customer is my cousin',
    }).expect(201);
    expect(declared.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: filed.reference,
      staffId: OFFICER,
      reason: 'The customer is my cousin',
      declaredBy: OFFICER,
      declaredAt: expect.any(String),
      unassigned: true,
    });
    const after = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', as.officer)
      .expect(200);
    expect(after.body.assignedOfficerId).toBeNull();
    const events = await t.dataSource.query(
      `SELECT payload FROM outbox_event WHERE aggregate_id = $1 AND type = 'case.unassigned'`,
      [filed.reference],
    );
    expect(events).toEqual([{ payload: { reference: filed.reference, officerId: OFFICER } }]);
    const res = await post(filed.reference, 'assign', as.ombudsman, { officerId: OFFICER }).expect(
      409,
    );
    expect(res.body.code).toBe('CASE_CONFLICT_OF_INTEREST');
  });

  it('answers a repeated declaration with the one on record, and no event when nobody was released', async () => {
    const filed = await investigatedCase(t);
    const first = await post(filed.reference, 'conflicts', as.ombudsman, {
      staffId: 'peter',
      reason: 'Former colleague of the customer',
    }).expect(201);
    expect(first.body).toMatchObject({
      staffId: 'peter',
      declaredBy: OMBUDSMAN,
      unassigned: false,
    });
    const again = await post(filed.reference, 'conflicts', as.ombudsman, {
      staffId: 'peter',
      reason: 'Said again',
    }).expect(201);
    expect(again.body).toMatchObject({
      id: first.body.id,
      reason: 'Former colleague of the customer',
    });
    const declarations = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM case_conflict_declaration d JOIN ombudsman_case c ON c.id = d.case_id
        WHERE c.reference = $1`,
      [filed.reference],
    );
    expect(declarations[0].n).toBe(1);
    const events = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1 AND type = 'case.unassigned'`,
      [filed.reference],
    );
    expect(events[0].n).toBe(0);
  });

  it('refuses an officer declaring a conflict for a colleague with 403, and records nothing', async () => {
    const filed = await investigatedCase(t);
    const res = await post(filed.reference, 'conflicts', as.officer, {
      staffId: 'peter',
      reason: 'I think Peter knows the customer',
    }).expect(403);
    expect(res.body.code).toBe('CASE_ROLE_FORBIDDEN');
    const declarations = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM case_conflict_declaration d JOIN ombudsman_case c ON c.id = d.case_id
        WHERE c.reference = $1`,
      [filed.reference],
    );
    expect(declarations[0].n).toBe(0);
  });

  it('lets an officer take an unassigned case for themselves but not give it to others or take a held one', async () => {
    const filed = await submittedCase(t);
    await post(filed.reference, 'assign', as.officer, { officerId: 'someone-else' }).expect(403);
    await post(filed.reference, 'assign', as.ombudsman, {
      officerId: 'peter',
      officerName: 'Peter P',
    }).expect(200);
    const res = await post(filed.reference, 'assign', as.officer, { officerId: OFFICER }).expect(
      409,
    );
    expect(res.body.code).toBe('CASE_ALREADY_ASSIGNED');
  });

  it('records litigation and closes the case, saying who went to court and when', async () => {
    const filed = await investigatedCase(t);
    const res = await post(filed.reference, 'litigation', as.officer, {
      party: 'customer',
      court: 'Amtsgericht Berlin-Mitte',
      filedAt: '2026-11-20',
    }).expect(200);
    expect(res.body).toMatchObject({ status: 'closed', outcome: 'litigation' });
    const change = res.body.timeline.find(
      (e: { type: string; data: { to?: string } }) =>
        e.type === 'case.status_changed' && e.data.to === 'closed',
    );
    expect(change.data.litigation).toEqual({
      party: 'customer',
      court: 'Amtsgericht Berlin-Mitte',
      filedAt: '2026-11-20',
    });
  });

  it('closes a referred case as resolved by the front line', async () => {
    const filed = await fileCase(t);
    const res = await post(filed.reference, 'close', as.officer, {
      outcome: 'resolved_by_frontline',
      reason: 'Refunded',
    }).expect(200);
    expect(res.body).toMatchObject({ status: 'closed', outcome: 'resolved_by_frontline' });
  });

  it('refuses closing with an outcome that only the parties’ answers can produce', async () => {
    const filed = await investigatedCase(t);
    await post(filed.reference, 'close', as.officer, { outcome: 'upheld', reason: 'x' }).expect(
      400,
    );
  });
});
