import { staff, submittedCase } from './support/cases';
import { adminQuery } from './support/database';
import { databaseName, fileCase, FiledCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A hand-built year (2025) covering every outcome. Figures below were worked out by hand from
 * this table; the comments show the arithmetic.
 *
 * | # | category        | outcome               | received   | accepted | closed (days) |
 * |---|-----------------|-----------------------|------------|----------|---------------|
 * | 1 | billing         | resolved_by_frontline | 2025-01-10 | –        | +10           |
 * | 2 | billing         | rejected (out of time)| 2025-01-20 | –        | +2            |
 * | 3 | delivery        | withdrawn             | 2025-02-01 | +1       | +5            |
 * | 4 | delivery        | litigation            | 2025-02-10 | +2       | +30           |
 * | 5 | billing         | settled               | 2025-03-01 | +1       | +40           |
 * | 6 | billing         | upheld                | 2025-03-10 | +2       | +60           |
 * | 7 | service         | partially_upheld      | 2025-04-01 | +1       | +100          |
 * | 8 | service         | not_upheld            | 2025-04-10 | +1       | +50           |
 * | 9 | product_quality | not_accepted          | 2025-05-01 | +1       | +80           |
 * |10 | billing         | lapsed                | 2025-05-10 | +1       | +120          |
 * |11 | billing         | (investigation)       | 2025-06-01 | +1       | –             |
 * |12 | delivery        | (mediation)           | 2025-06-05 | +1       | –             |
 * |13 | contract        | settled in 2026       | 2025-12-20 | +1       | 2026-01-10    |
 * |14 | billing         | upheld, filed in 2024 | 2024-12-15 | +1       | 2025-01-15    |
 */
interface Shape {
  readonly category: string;
  readonly status: string;
  readonly outcome: string | null;
  readonly received: string;
  readonly acceptedAfter: number | null;
  readonly closedAfter: number | null;
  /** When the acknowledgement was made, in days after receipt (due after 2); null: never. */
  readonly acknowledgedAfter: number | null;
}

const FIXTURE: Shape[] = [
  row('billing', 'resolved_by_frontline', '2025-01-10', null, 10),
  row('billing', 'rejected', '2025-01-20', null, 2),
  row('delivery', 'withdrawn', '2025-02-01', 1, 5),
  row('delivery', 'litigation', '2025-02-10', 2, 30),
  row('billing', 'settled', '2025-03-01', 1, 40),
  row('billing', 'upheld', '2025-03-10', 2, 60),
  row('service', 'partially_upheld', '2025-04-01', 1, 100),
  row('service', 'not_upheld', '2025-04-10', 1, 50),
  row('product_quality', 'not_accepted', '2025-05-01', 1, 80),
  row('billing', 'lapsed', '2025-05-10', 1, 120),
  { ...row('billing', null, '2025-06-01', 1, null), status: 'investigation', acknowledgedAfter: 3 },
  { ...row('delivery', null, '2025-06-05', 1, null), status: 'mediation', acknowledgedAfter: null },
  row('contract', 'settled', '2025-12-20', 1, 21),
  row('billing', 'upheld', '2024-12-15', 1, 31),
];

function row(
  category: string,
  outcome: string | null,
  received: string,
  acceptedAfter: number | null,
  closedAfter: number | null,
): Shape {
  return {
    category,
    status: outcome ? 'closed' : 'investigation',
    outcome,
    received,
    acceptedAfter,
    closedAfter,
    acknowledgedAfter: 1,
  };
}

const DAY = 86_400_000;
const at = (date: string, plusDays = 0) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + plusDays * DAY).toISOString();

describe('KPI and annual reports', () => {
  let t: TestApp;
  const cases: { filed: FiledCase; id: string }[] = [];
  const sql = <T>(text: string, params: unknown[] = []) =>
    adminQuery<T>(text, params, databaseName(t));

  beforeAll(async () => {
    t = await startTestApp();
    const { officer } = staff(t);
    for (const shape of FIXTURE) {
      const filed = await fileCase(t, { category: shape.category });
      const path = `/v1/admin/cases/${filed.reference}`;
      // The workflow that exists is driven over HTTP; dates and the rest are set in SQL below.
      if (shape.outcome === 'resolved_by_frontline')
        await t
          .http()
          .post(`${path}/close`)
          .set('authorization', officer)
          .send({ outcome: 'resolved_by_frontline', reason: 'Refunded after referral.' })
          .expect(200);
      if (shape.outcome === 'withdrawn')
        await t
          .http()
          .post(`/v1/escalations/${filed.reference}/withdraw`)
          .set('authorization', `Bearer ${filed.accessToken}`)
          .send({})
          .expect(200);
      if (shape.outcome === 'litigation')
        await t
          .http()
          .post(`${path}/litigation`)
          .set('authorization', officer)
          .send({ party: 'customer' })
          .expect(200);
      const [{ id }] = await sql<{ id: string }>(
        `UPDATE ombudsman_case
            SET status = $2, outcome = $3, created_at = $4, accepted_at = $5, closed_at = $6,
                eligibility_reason = CASE WHEN $3 = 'rejected' THEN 'out_of_time' ELSE eligibility_reason END
          WHERE reference = $1 RETURNING id`,
        [
          filed.reference,
          shape.status,
          shape.outcome,
          at(shape.received),
          shape.acceptedAfter === null ? null : at(shape.received, shape.acceptedAfter),
          shape.closedAfter === null ? null : at(shape.received, shape.closedAfter),
        ],
      );
      await sql(
        `UPDATE case_deadline SET started_at = $2, due_at = $3, met_at = $4
          WHERE case_id = $1 AND kind = 'acknowledge'`,
        [
          id,
          at(shape.received),
          at(shape.received, 2),
          shape.acknowledgedAfter === null ? null : at(shape.received, shape.acknowledgedAfter),
        ],
      );
      cases.push({ filed, id });
    }
    await giveFeedback();
    await addRemedies();
    await addSuggestions();
  });
  afterAll(() => t.close());

  const caseNo = (n: number) => cases[n - 1];

  /** Ratings 5, 1, 4, 5, 4, 2 in 2025 (cases 1, 2, 3, 5, 6, 8); case 13's in 2026 is outside. */
  async function giveFeedback() {
    const ratings: [number, number][] = [
      [1, 5],
      [2, 1],
      [3, 4],
      [5, 5],
      [6, 4],
      [8, 2],
      [13, 1],
    ];
    for (const [n, rating] of ratings) {
      const { filed, id } = caseNo(n);
      await t
        .http()
        .post(`/v1/escalations/${filed.reference}/feedback`)
        .set('authorization', `Bearer ${filed.accessToken}`)
        .send({ rating })
        .expect(201);
      const when = n === 13 ? at('2026-01-12') : at(FIXTURE[n - 1].received, 130);
      await sql('UPDATE case_feedback SET created_at = $2 WHERE case_id = $1', [id, when]);
    }
  }

  /**
   * R1 case 5 refund 125.50 EUR paid; R2 case 6 distress 50.00 EUR paid; R3 case 6 goodwill
   * 30.00 GBP due since June 2025 (overdue); R4 case 7 corrective action done; R5 case 14 refund
   * 20.00 EUR bound in 2024, paid in 2025; R6 case 5 corrective action still due; R7 case 9 a
   * proposed refund, R8 case 9 a superseded one: neither ever binding.
   */
  async function addRemedies() {
    const remedies: [
      number,
      string,
      number | null,
      string | null,
      string,
      string,
      string,
      string | null,
    ][] = [
      [5, 'refund', 12550, 'EUR', 'fulfilled', '2025-04-10', '2025-05-08', '2025-05-01'],
      [
        6,
        'distress_compensation',
        5000,
        'EUR',
        'fulfilled',
        '2025-05-09',
        '2025-06-06',
        '2025-05-20',
      ],
      [6, 'goodwill_payment', 3000, 'GBP', 'due', '2025-05-09', '2025-06-06', null],
      [7, 'corrective_action', null, null, 'fulfilled', '2025-07-10', '2025-08-07', '2025-08-01'],
      [14, 'refund', 2000, 'EUR', 'fulfilled', '2024-12-20', '2025-01-17', '2025-01-10'],
      [5, 'corrective_action', null, null, 'due', '2025-04-10', '2099-01-01', null],
      [9, 'refund', 9999, 'EUR', 'proposed', '', '', null],
      [9, 'refund', 1000, 'EUR', 'superseded', '', '', null],
    ];
    for (const [n, type, amount, currency, status, bound, due, fulfilled] of remedies) {
      await sql(
        `INSERT INTO remedy (case_id, source, source_id, type, amount_minor, currency, description,
                             status, proposed_by, created_at, bound_at, due_at, fulfilled_at)
         VALUES ($1, 'decision', gen_random_uuid(), $2, $3, $4, $5, $6, 'oscar', $7, $8, $9, $10)`,
        [
          caseNo(n).id,
          type,
          amount,
          currency,
          `${type} for case ${n}`,
          status,
          at('2025-03-01'),
          bound ? at(bound) : null,
          due ? at(due) : null,
          fulfilled ? at(fulfilled) : null,
        ],
      );
    }
  }

  /** On case 11: one suggestion accepted (open), one implemented in September 2025. */
  async function addSuggestions() {
    const { filed } = caseNo(11);
    const { officer } = staff(t);
    const ids: string[] = [];
    for (const text of ['Clearer invoices', 'SMS on refund']) {
      const res = await t
        .http()
        .post(`/v1/escalations/${filed.reference}/suggestions`)
        .set('authorization', `Bearer ${filed.accessToken}`)
        .send({ text })
        .expect(201);
      ids.push(res.body.id);
      await t
        .http()
        .post(`/v1/admin/suggestions/${res.body.id}/status`)
        .set('authorization', officer)
        .send({ status: 'accepted', publicResponse: 'Agreed.' })
        .expect(200);
    }
    await t
      .http()
      .post(`/v1/admin/suggestions/${ids[1]}/status`)
      .set('authorization', officer)
      .send({ status: 'implemented' })
      .expect(200);
    await sql('UPDATE suggestion SET accepted_at = $2 WHERE id = ANY($1)', [ids, at('2025-08-01')]);
    await sql('UPDATE suggestion SET implemented_at = $2 WHERE id = $1', [
      ids[1],
      at('2025-09-01'),
    ]);
  }

  const kpis = (query: Record<string, string>, accept = 'application/json') =>
    t
      .http()
      .get('/v1/admin/reports/kpis')
      .query(query)
      .set('authorization', staff(t).auditor)
      .set('accept', accept);

  const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };

  it('counts the cases received in the period by status and category', async () => {
    const { body } = await kpis(YEAR_2025).expect(200);
    expect(body.period).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
    });
    // Cases 1–13; case 14 was received in 2024.
    expect(body.casesReceived).toBe(13);
    expect(body.byStatus).toMatchObject({
      closed: 11,
      investigation: 1,
      mediation: 1,
      submitted: 0,
    });
    // billing 6/13 = 46.2 %, delivery 3/13 = 23.1 %, service 2/13 = 15.4 %, then ties by name.
    expect(body.topCategories).toEqual([
      { category: 'billing', count: 6, percent: 46.2 },
      { category: 'delivery', count: 3, percent: 23.1 },
      { category: 'service', count: 2, percent: 15.4 },
      { category: 'contract', count: 1, percent: 7.7 },
      { category: 'product_quality', count: 1, percent: 7.7 },
    ]);
  });

  it('counts the outcomes of the cases closed in the period, every outcome represented', async () => {
    const { body } = await kpis(YEAR_2025).expect(200);
    // Cases 1–10 and 14; case 13 closed in 2026.
    expect(body.casesClosed).toBe(11);
    expect(body.byOutcome).toEqual({
      resolved_by_frontline: 1,
      rejected: 1,
      withdrawn: 1,
      litigation: 1,
      settled: 1,
      upheld: 2,
      partially_upheld: 1,
      not_upheld: 1,
      not_accepted: 1,
      lapsed: 1,
    });
  });

  it('computes timeliness: acknowledgement, median and p90 days, closure within 90 days', async () => {
    const { body } = await kpis(YEAR_2025).expect(200);
    // 13 acknowledgements due; case 11 was late and case 12 never acknowledged: 11/13 = 84.6 %.
    expect(body.acknowledgement).toEqual({
      days: 2,
      unit: 'business_days',
      targetPercent: 90,
      measured: 13,
      inTime: 11,
      inTimePercent: 84.6,
      targetMet: false,
    });
    // Days: 2 5 10 30 31 40 50 60 80 100 120 → median 40; p90 at 0.9 × 10 = rank 9 → 100;
    // mean 528 / 11 = 48.
    expect(body.daysToOutcome).toEqual({ measured: 11, median: 40, p90: 100, average: 48 });
    // Accepted and closed: 3–10 and 14 (9); cases 7 (99 days) and 10 (119 days) are over 90.
    expect(body.closedWithinOutcomeDays).toEqual({
      days: 90,
      unit: 'calendar_days',
      measured: 9,
      within: 7,
      percent: 77.8,
    });
  });

  it('computes the uphold rate and the mediation and litigation shares', async () => {
    const { body } = await kpis(YEAR_2025).expect(200);
    // (upheld 2 + partially 1) / (those 3 + not upheld 1) = 75 %.
    expect(body.upholdRatePercent).toBe(75);
    // 1 of 11 closed each: 9.1 %.
    expect(body.settledByMediationPercent).toBe(9.1);
    expect(body.litigationPercent).toBe(9.1);
  });

  it('sums compensation awarded and paid by type and currency, and counts overdue remedies', async () => {
    const { body } = await kpis(YEAR_2025).expect(200);
    expect(body.compensation.awarded).toEqual([
      { type: 'distress_compensation', currency: 'EUR', count: 1, amountMinor: 5000 },
      { type: 'goodwill_payment', currency: 'GBP', count: 1, amountMinor: 3000 },
      { type: 'refund', currency: 'EUR', count: 1, amountMinor: 12550 },
    ]);
    // R5 was awarded in 2024 but paid in 2025: 125.50 + 20.00 EUR.
    expect(body.compensation.paid).toEqual([
      { type: 'distress_compensation', currency: 'EUR', count: 1, amountMinor: 5000 },
      { type: 'refund', currency: 'EUR', count: 2, amountMinor: 14550 },
    ]);
    expect(body.overdueRemedies).toBe(1);
  });

  it('reports satisfaction and corrective actions', async () => {
    const { body } = await kpis(YEAR_2025).expect(200);
    // 5 + 1 + 4 + 5 + 4 + 2 = 21 over 6 = 3.5.
    expect(body.satisfaction).toEqual({
      responses: 6,
      average: 3.5,
      distribution: { 1: 1, 2: 1, 3: 0, 4: 2, 5: 2 },
    });
    expect(body.correctiveActions).toEqual({
      open: 2,
      implemented: 2,
      fromRemedies: { open: 1, implemented: 1 },
      fromSuggestions: { open: 1, implemented: 1 },
    });
  });

  it('narrows every figure to the period asked for', async () => {
    // January 2025: received cases 1 and 2; closed 1 (10 days), 2 (2 days) and 14 (31 days),
    // so the median is 10; R5 paid.
    const { body } = await kpis({ from: '2025-01-01', to: '2025-01-31' }).expect(200);
    expect(body.casesReceived).toBe(2);
    expect(body.casesClosed).toBe(3);
    expect(body.byOutcome).toMatchObject({ upheld: 1, rejected: 1, resolved_by_frontline: 1 });
    expect(body.daysToOutcome.median).toBe(10);
    // R6 was bound in April and the suggestions accepted in August: nothing open yet in January.
    expect(body.correctiveActions.open).toBe(0);
    expect(body.compensation.paid).toEqual([
      { type: 'refund', currency: 'EUR', count: 1, amountMinor: 2000 },
    ]);
  });

  it('refuses a period that ends before it starts with 400', async () => {
    await kpis({ from: '2025-06-01', to: '2025-01-01' }).expect(400);
    await kpis({ from: 'yesterday' }).expect(400);
  });

  it('answers the same figures as CSV when asked for text/csv', async () => {
    const res = await kpis(YEAR_2025, 'text/csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('metric,value');
    expect(lines).toEqual(
      expect.arrayContaining([
        'casesReceived,13',
        'byOutcome.upheld,2',
        'daysToOutcome.p90,100',
        'acknowledgement.targetMet,false',
        'upholdRatePercent,75',
        'compensation.paid[refund/EUR].amountMinor,14550',
        'topCategories[billing].percent,46.2',
        'satisfaction.distribution.3,0',
      ]),
    );
  });

  it('lets officers and ombudsmen read the KPIs too', async () => {
    const { officer, ombudsman } = staff(t);
    for (const authorization of [officer, ombudsman])
      await t.http().get('/v1/admin/reports/kpis').set('authorization', authorization).expect(200);
  });

  it('lists corrective-action remedies in the register beside accepted suggestions', async () => {
    const res = await t
      .http()
      .get('/v1/admin/corrective-actions')
      .set('authorization', staff(t).auditor)
      .expect(200);
    const items = res.body.items as { source: string; description: string; status: string }[];
    expect(items.filter((i) => i.source === 'remedy')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          description: 'corrective_action for case 7',
          status: 'implemented',
          implementedAt: at('2025-08-01'),
        }),
        expect.objectContaining({
          description: 'corrective_action for case 5',
          status: 'open',
          dueAt: at('2099-01-01'),
          reference: caseNo(5).filed.reference,
        }),
      ]),
    );
    expect(
      items
        .filter((i) => i.source === 'suggestion')
        .map((i) => i.status)
        .sort(),
    ).toEqual(['implemented', 'open']);
    expect(items).toHaveLength(4);
  });

  describe('the annual report', () => {
    it('gives the yearly activity figures an ADR body publishes', async () => {
      const { body } = await t
        .http()
        .get('/v1/admin/reports/annual')
        .query({ year: 2025 })
        .set('authorization', staff(t).auditor)
        .expect(200);
      expect(body).toMatchObject({
        year: 2025,
        disputesReceived: 13,
        disputesClosed: 11,
        // 1 of 11 refused (out of time); withdrawn 1 + court 1 = 2 of 11 discontinued.
        refused: {
          count: 1,
          percent: 9.1,
          reasons: [
            { code: 'out_of_time', count: 1, percent: 100 },
            { code: 'already_in_court', count: 0, percent: 0 },
            { code: 'not_a_customer', count: 0, percent: 0 },
            { code: 'outside_remit', count: 0, percent: 0 },
            { code: 'frivolous_or_vexatious', count: 0, percent: 0 },
            { code: 'other', count: 0, percent: 0 },
          ],
        },
        discontinued: { count: 2, percent: 18.2, withdrawnByCustomer: 1, wentToCourt: 1 },
        duration: { averageDays: 48, medianDays: 40 },
        upholdRatePercent: 75,
        // Remedies bound in 2025 by case: 5 (one due), 6 (one due), 7 (done) → 1 of 3.
        compliance: { casesWithRemediesOwed: 3, casesComplied: 1, percent: 33.3 },
        correctiveActions: { implemented: 2, open: 2 },
        satisfaction: { responses: 6, averageRating: 3.5 },
      });
      expect(body.recurringProblems.map((p: { category: string }) => p.category)).toEqual([
        'billing',
        'delivery',
        'service',
        'contract',
        'product_quality',
      ]);
    });

    it('renders a printable HTML page when asked for text/html', async () => {
      const res = await t
        .http()
        .get('/v1/admin/reports/annual')
        .query({ year: 2025 })
        .set('authorization', staff(t).auditor)
        .set('accept', 'text/html')
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toMatch(/^<!doctype html>/);
      expect(res.text).toContain('annual activity report 2025');
      expect(res.text).toContain('<th scope="row">Disputes received</th><td>13</td>');
      expect(res.text).toContain('@media print');
    });

    it('escapes every text it prints', async () => {
      const filed = await fileCase(t);
      await sql(
        `UPDATE ombudsman_case SET category = '<script>alert("x")</script>', created_at = $2
          WHERE reference = $1`,
        [filed.reference, at('2023-05-05')],
      );
      const res = await t
        .http()
        .get('/v1/admin/reports/annual')
        .query({ year: 2023 })
        .set('authorization', staff(t).auditor)
        .set('accept', 'text/html')
        .expect(200);
      expect(res.text).not.toContain('<script>');
      expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    });
  });

  describe('refusals by reason code', () => {
    const triage = (reference: string, body: Record<string, unknown>) =>
      t
        .http()
        .post(`/v1/admin/cases/${reference}/triage`)
        .set('authorization', staff(t).officer)
        .send(body);

    /** A case an officer refuses with `code` (none: the default), closed on `closedOn`. */
    async function refuse(code: string | undefined, closedOn: string) {
      const filed = await submittedCase(t);
      const body = { decision: 'reject', reason: 'Free-text explanation kept on the timeline.' };
      await triage(filed.reference, code ? { ...body, rejectionCode: code } : body).expect(200);
      await t
        .http()
        .post(`/v1/admin/cases/${filed.reference}/close`)
        .set('authorization', staff(t).officer)
        .send({ outcome: 'rejected', reason: 'Refused at triage.' })
        .expect(200);
      await sql('UPDATE ombudsman_case SET created_at = $2, closed_at = $2 WHERE reference = $1', [
        filed.reference,
        at(closedOn),
      ]);
      return filed;
    }

    it('stores the code of a triage refusal, counts it by reason, and defaults to other', async () => {
      const filed = await refuse('already_in_court', '2022-03-01');
      await refuse('already_in_court', '2022-04-01');
      await refuse('frivolous_or_vexatious', '2022-05-01');
      await refuse(undefined, '2022-06-01');
      // Intake's automatic refusal of a late case counts as out of time without any code.
      const late = await fileCase(t);
      await sql(
        `UPDATE ombudsman_case SET status = 'closed', outcome = 'rejected', eligibility_reason = 'out_of_time',
                created_at = $2, closed_at = $2 WHERE reference = $1`,
        [late.reference, at('2022-07-01')],
      );
      const [stored] = await sql<{ rejection_code: string }>(
        'SELECT rejection_code FROM ombudsman_case WHERE reference = $1',
        [filed.reference],
      );
      expect(stored.rejection_code).toBe('already_in_court');
      const timeline = await t
        .http()
        .get(`/v1/admin/cases/${filed.reference}/timeline`)
        .set('authorization', staff(t).officer)
        .expect(200);
      expect(JSON.stringify(timeline.body)).toContain(
        'Free-text explanation kept on the timeline.',
      );

      const { body } = await t
        .http()
        .get('/v1/admin/reports/annual')
        .query({ year: 2022 })
        .set('authorization', staff(t).auditor)
        .expect(200);
      // 5 refused: court 2 (40 %), frivolous 1, other 1, out of time 1 (20 % each).
      expect(body.refused.count).toBe(5);
      expect(body.refused.reasons).toEqual([
        { code: 'out_of_time', count: 1, percent: 20 },
        { code: 'already_in_court', count: 2, percent: 40 },
        { code: 'not_a_customer', count: 0, percent: 0 },
        { code: 'outside_remit', count: 0, percent: 0 },
        { code: 'frivolous_or_vexatious', count: 1, percent: 20 },
        { code: 'other', count: 1, percent: 20 },
      ]);
      const kpi = await kpis({ from: '2022-01-01', to: '2022-12-31' }).expect(200);
      expect(kpi.body.refused).toEqual({
        count: 5,
        byReason: {
          out_of_time: 1,
          already_in_court: 2,
          not_a_customer: 0,
          outside_remit: 0,
          frivolous_or_vexatious: 1,
          other: 1,
        },
      });
      const html = await t
        .http()
        .get('/v1/admin/reports/annual')
        .query({ year: 2022 })
        .set('authorization', staff(t).auditor)
        .set('accept', 'text/html')
        .expect(200);
      expect(html.text).toContain(
        '<th scope="row">… already before a court or another body</th><td>2</td><td>40 %</td>',
      );
    });

    it('refuses an unknown code, and a code with a decision other than reject, with 400', async () => {
      const filed = await submittedCase(t);
      const reason = 'Within time.';
      const unknown = await triage(filed.reference, {
        decision: 'reject',
        reason,
        rejectionCode: 'too_boring',
      }).expect(400);
      expect(JSON.stringify(unknown.body.errors)).toContain('rejectionCode');
      const misplaced = await triage(filed.reference, {
        decision: 'accept',
        reason,
        rejectionCode: 'out_of_time',
      }).expect(400);
      expect(JSON.stringify(misplaced.body.errors)).toContain('rejectionCode');
      const [row] = await sql<{ status: string }>(
        'SELECT status FROM ombudsman_case WHERE reference = $1',
        [filed.reference],
      );
      expect(row.status).toBe('submitted');
    });
  });

  // Last: it changes the policies every figure above is measured against.
  it('measures acknowledgement and closure within N days against the deadline policies in force', async () => {
    const { ombudsman } = staff(t);
    await t
      .http()
      .put('/v1/admin/sla/policies')
      .set('authorization', ombudsman)
      .send({
        policies: [
          { kind: 'acknowledge', amount: 3, unit: 'business_days' },
          { kind: 'outcome', amount: 60, unit: 'calendar_days' },
        ],
      })
      .expect(200);
    const { body } = await kpis(YEAR_2025).expect(200);
    expect(body.acknowledgement).toMatchObject({ days: 3, unit: 'business_days' });
    // Days from acceptance to closure of cases 3–10 and 14: 4 28 39 58 99 49 79 119 30;
    // within 60: 6 of 9 = 66.7 %.
    expect(body.closedWithinOutcomeDays).toEqual({
      days: 60,
      unit: 'calendar_days',
      measured: 9,
      within: 6,
      percent: 66.7,
    });
    const annual = await t
      .http()
      .get('/v1/admin/reports/annual')
      .query({ year: 2025 })
      .set('authorization', staff(t).auditor)
      .expect(200);
    expect(annual.body.disputesClosed).toBe(11);
  });

  it('measures closure within an outcome policy in business days against each case’s own outcome deadline', async () => {
    await t
      .http()
      .put('/v1/admin/sla/policies')
      .set('authorization', staff(t).ombudsman)
      .send({ policies: [{ kind: 'outcome', amount: 40, unit: 'business_days' }] })
      .expect(200);
    // Case 3's outcome deadline was met before it fell due, case 7's after; the rest have none.
    for (const [n, metAfter] of [
      [3, 4],
      [7, 99],
    ] as const) {
      await sql(
        `INSERT INTO case_deadline (case_id, kind, party, started_at, due_at, met_at)
         VALUES ($1, 'outcome', 'office', $2, $3, $4)`,
        [
          caseNo(n).id,
          at(FIXTURE[n - 1].received, 1),
          at(FIXTURE[n - 1].received, 57),
          at(FIXTURE[n - 1].received, 1 + metAfter),
        ],
      );
    }
    const { body } = await kpis(YEAR_2025).expect(200);
    expect(body.closedWithinOutcomeDays).toEqual({
      days: 40,
      unit: 'business_days',
      measured: 9,
      within: 1,
      percent: 11.1,
    });
  });
});
