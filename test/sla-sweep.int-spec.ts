import { CaseTransitionsService } from '../src/cases/case-transitions.service';
import { SlaSweep, SweepResult } from '../src/sla/sweep/sla-sweep';
import { investigatedCase, staff, submittedCase } from './support/cases';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 86_400_000;

describe('the SLA sweep', () => {
  let a: TestApp;
  let b: TestApp;
  let sweepers: [SlaSweep, SlaSweep];

  beforeAll(async () => {
    // Small batches, so that two sweepers really interleave over many transactions.
    const env = { SLA_SWEEP_BATCH_SIZE: '7' };
    a = await startTestApp({ env });
    b = await startTestApp({ env, databaseUrl: a.databaseUrl });
    sweepers = [a.app.get(SlaSweep), b.app.get(SlaSweep)];
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const sql = <T>(text: string, params: unknown[] = []) =>
    a.dataSource.query(text, params) as Promise<T[]>;
  const caseId = async (reference: string) =>
    (
      await sql<{ id: string }>('SELECT id FROM ombudsman_case WHERE reference = $1', [reference])
    )[0].id;
  const bothSweep = (now: Date): Promise<SweepResult> =>
    Promise.all(sweepers.map((s) => s.run(now))).then(([x, y]) => ({
      atRisk: x.atRisk + y.atRisk,
      breached: x.breached + y.breached,
      lapsed: x.lapsed + y.lapsed,
    }));
  const eventsFor = (type: string, ids: readonly string[]) =>
    sql<{ deadline_id: string; n: number }>(
      `SELECT payload->>'deadlineId' AS deadline_id, count(*)::int AS n FROM outbox_event
        WHERE type = $1 AND payload->>'deadlineId' = ANY($2) GROUP BY 1`,
      [type, ids],
    );
  /** Deadlines opened on a case by SQL, started at `start`, each due `days` later (plus i s). */
  const openDeadlines = async (
    id: string,
    count: number,
    start: Date,
    days: number,
    kind = 'outcome',
    party = 'office',
  ) =>
    (
      await sql<{ id: string }>(
        `INSERT INTO case_deadline (case_id, kind, party, started_at, due_at, subject_id)
         SELECT $1, $2, $3, $4::timestamptz,
                $4::timestamptz + make_interval(days => $5, secs => i),
                CASE WHEN $2 = 'remedy_payment' THEN gen_random_uuid() END
           FROM generate_series(1, $6) AS i
         RETURNING id`,
        [id, kind, party, start, days, count],
      )
    ).map((r) => r.id);

  it('flags each deadline at risk once and breached once with two sweepers running concurrently', async () => {
    const filed = await submittedCase(a);
    const id = await caseId(filed.reference);
    await sql('UPDATE case_deadline SET met_at = now() WHERE case_id = $1', [id]);
    const start = new Date(Date.now() + 1000 * DAY);
    const ids = await openDeadlines(id, 120, start, 10);

    const first = await bothSweep(new Date(start.getTime() + 9 * DAY));
    expect(first).toEqual({ atRisk: 120, breached: 0, lapsed: 0 });
    const atRisk = await eventsFor('sla.at_risk', ids);
    expect(atRisk).toHaveLength(120);
    expect(atRisk.every((e) => e.n === 1)).toBe(true);

    const second = await bothSweep(new Date(start.getTime() + 11 * DAY));
    expect(second).toEqual({ atRisk: 0, breached: 120, lapsed: 0 });
    const breached = await eventsFor('sla.breached', ids);
    expect(breached).toHaveLength(120);
    expect(breached.every((e) => e.n === 1)).toBe(true);
    expect(await eventsFor('sla.at_risk', ids)).toHaveLength(120);

    expect(await bothSweep(new Date(start.getTime() + 12 * DAY))).toEqual({
      atRisk: 0,
      breached: 0,
      lapsed: 0,
    });
  });

  it('flags a deadline found already past due as breached, without an at-risk event', async () => {
    const filed = await submittedCase(a);
    const id = await caseId(filed.reference);
    const start = new Date(Date.now() + 2000 * DAY);
    const [deadline] = await openDeadlines(id, 1, start, 10);
    await bothSweep(new Date(start.getTime() + 20 * DAY));
    expect(await eventsFor('sla.breached', [deadline])).toHaveLength(1);
    expect(await eventsFor('sla.at_risk', [deadline])).toHaveLength(0);
    const [row] = await sql<{ at_risk_at: Date | null; breached_at: Date | null }>(
      'SELECT at_risk_at, breached_at FROM case_deadline WHERE id = $1',
      [deadline],
    );
    expect(row.breached_at).not.toBeNull();
    expect(row.at_risk_at).not.toBeNull();
  });

  it('meets the outcome at the decision, and closes the case as lapsed once when the customer lets the answer time pass', async () => {
    const filed = await investigatedCase(a);
    const id = await caseId(filed.reference);
    await a.app.get(CaseTransitionsService).apply({
      caseId: id,
      command: 'issue_decision',
      actor: { sub: 'oscar', role: 'ombudsman' },
    });
    const outcome = await sql<{ met_at: Date | null }>(
      `SELECT met_at FROM case_deadline WHERE case_id = $1 AND kind = 'outcome'`,
      [id],
    );
    // Issuing the decision is the outcome the office owed.
    expect(outcome).toEqual([{ met_at: expect.any(Date) }]);
    const issuedAt = new Date(Date.now() - 31 * DAY);
    const [deadline] = (
      await sql<{ id: string }>(
        `INSERT INTO case_deadline (case_id, kind, party, started_at, due_at)
         VALUES ($1, 'decision_answer', 'customer', $2, $2::timestamptz + interval '30 days')
         RETURNING id`,
        [id, issuedAt],
      )
    ).map((r) => r.id);

    const result = await bothSweep(new Date());
    expect(result.lapsed).toBe(1);

    const [c] = await sql<{ status: string; outcome: string }>(
      'SELECT status, outcome FROM ombudsman_case WHERE id = $1',
      [id],
    );
    expect(c).toEqual({ status: 'closed', outcome: 'lapsed' });
    const changes = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_event
        WHERE type = 'case.status_changed' AND aggregate_id = $1 AND payload->>'to' = 'closed'`,
      [filed.reference],
    );
    expect(changes[0].n).toBe(1);
    expect(await eventsFor('sla.breached', [deadline])).toHaveLength(1);
    const audit = await sql<{ actor_role: string }>(
      `SELECT actor_role FROM audit_entry WHERE chain_key = $1 AND action = 'case.lapse_decision'`,
      [id],
    );
    expect(audit).toEqual([{ actor_role: 'system' }]);
    // Closing ends every clock: nothing of this case is left for a sweep to flag.
    const open = await sql<{ kind: string }>(
      'SELECT kind FROM case_deadline WHERE case_id = $1 AND met_at IS NULL AND cancelled_at IS NULL',
      [id],
    );
    expect(open).toEqual([]);
    // The lapse is not an answer: the customer's deadline stays breached and is never met.
    const [answer] = await sql<{ met_at: Date | null; breached_at: Date | null }>(
      'SELECT met_at, breached_at FROM case_deadline WHERE id = $1',
      [deadline],
    );
    expect(answer).toEqual({ met_at: null, breached_at: expect.any(Date) });
    const views = [
      a.http().get(`/v1/admin/cases/${filed.reference}`).set('authorization', staff(a).officer),
      a
        .http()
        .get(`/v1/escalations/${filed.reference}`)
        .set('authorization', `Bearer ${filed.accessToken}`),
    ];
    for (const view of views) {
      const res = await view.expect(200);
      const answerDeadline = (res.body.deadlines as { kind: string }[]).find(
        (d) => d.kind === 'decision_answer',
      );
      expect(answerDeadline).toMatchObject({ breached: true, metAt: null, paused: false });
    }
  });

  it('writes each event with the case reference and the deadline, times in ISO 8601 with milliseconds', async () => {
    const filed = await submittedCase(a);
    const id = await caseId(filed.reference);
    const start = new Date(Date.UTC(2040, 0, 1, 12, 0, 0, 123));
    const [deadline] = await openDeadlines(id, 1, start, 10, 'remedy_payment', 'company');
    const [due] = await sql<{ due_at: Date }>('SELECT due_at FROM case_deadline WHERE id = $1', [
      deadline,
    ]);
    const at = new Date(start.getTime() + 20 * DAY + 456);
    await bothSweep(at);
    const events = await sql<{ type: string; aggregate_id: string; payload: unknown }>(
      `SELECT type, aggregate_id, payload FROM outbox_event WHERE payload->>'deadlineId' = $1
        ORDER BY position`,
      [deadline],
    );
    const payload = {
      reference: filed.reference,
      deadlineId: deadline,
      kind: 'remedy_payment',
      party: 'company',
      dueAt: due.due_at.toISOString(),
      breachedAt: at.toISOString(),
    };
    expect(events).toEqual([
      { type: 'sla.breached', aggregate_id: filed.reference, payload },
      {
        type: 'remedy.overdue',
        aggregate_id: filed.reference,
        payload: { ...payload, remedyId: expect.any(String) },
      },
    ]);
  });

  it('reports an overdue remedy payment as remedy.overdue besides sla.breached', async () => {
    const filed = await submittedCase(a);
    const id = await caseId(filed.reference);
    const start = new Date(Date.now() + 3000 * DAY);
    const [deadline] = await openDeadlines(id, 1, start, 28, 'remedy_payment', 'company');
    await bothSweep(new Date(start.getTime() + 29 * DAY));
    const [overdue] = await sql<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM outbox_event WHERE type = 'remedy.overdue' AND payload->>'deadlineId' = $1`,
      [deadline],
    );
    expect(overdue.payload).toMatchObject({
      reference: filed.reference,
      kind: 'remedy_payment',
      party: 'company',
    });
    expect(overdue.payload.remedyId).toEqual(expect.any(String));
    expect(await eventsFor('sla.breached', [deadline])).toHaveLength(1);
  });

  it('never flags a paused deadline, and flags it once its clock runs again', async () => {
    const filed = await submittedCase(a);
    const id = await caseId(filed.reference);
    const start = new Date(Date.now() + 4000 * DAY);
    const [deadline] = await openDeadlines(id, 1, start, 10);
    await sql('UPDATE case_deadline SET paused_since = $2 WHERE id = $1', [deadline, start]);
    await bothSweep(new Date(start.getTime() + 30 * DAY));
    expect(await eventsFor('sla.breached', [deadline])).toHaveLength(0);
    expect(await eventsFor('sla.at_risk', [deadline])).toHaveLength(0);

    await sql('UPDATE case_deadline SET paused_since = NULL WHERE id = $1', [deadline]);
    await bothSweep(new Date(start.getTime() + 30 * DAY));
    expect(await eventsFor('sla.breached', [deadline])).toHaveLength(1);
  });

  it('lets staff filter the queue to breached and to at-risk cases', async () => {
    const [late, tight, fine] = [
      await submittedCase(a),
      await submittedCase(a),
      await submittedCase(a),
    ];
    const start = new Date(Date.now() + 5000 * DAY);
    for (const filed of [late, tight, fine]) {
      await sql('UPDATE case_deadline SET met_at = now() WHERE case_id = $1', [
        await caseId(filed.reference),
      ]);
    }
    await openDeadlines(await caseId(late.reference), 1, start, 1);
    await openDeadlines(await caseId(tight.reference), 1, start, 10);
    await openDeadlines(await caseId(fine.reference), 1, start, 100);
    await bothSweep(new Date(start.getTime() + 9 * DAY));

    const { officer } = staff(a);
    const queue = async (filter: string) => {
      const res = await a
        .http()
        .get(`/v1/admin/cases?${filter}&limit=100`)
        .set('authorization', officer)
        .expect(200);
      return (res.body.items as { reference: string }[]).map((i) => i.reference);
    };
    const breached = await queue('breached=true');
    expect(breached).toContain(late.reference);
    expect(breached).not.toContain(tight.reference);
    expect(breached).not.toContain(fine.reference);
    const atRisk = await queue('atRisk=true');
    expect(atRisk).toContain(tight.reference);
    expect(atRisk).not.toContain(late.reference);
    expect(atRisk).not.toContain(fine.reference);
    await a.http().get('/v1/admin/cases?breached=maybe').set('authorization', officer).expect(400);
  });
});
