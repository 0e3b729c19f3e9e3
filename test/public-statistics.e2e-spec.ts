import { randomBytes } from 'node:crypto';
import { adminQuery } from './support/database';
import { databaseName, fileCase, FiledCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

/**
 * This year: six settled cases and two withdrawn (fewer than five: suppressed, and settled with
 * them, or 8 closed − 6 settled would give the 2 withdrawn back), compensation paid in EUR on
 * five cases (shown) and in GBP on one (suppressed), and five corrective actions implemented
 * (three remedies, two suggestions: shown). Every name, e-mail, text and comment carries a unique
 * marker that must never appear in the statistics.
 */
describe('public statistics', () => {
  let t: TestApp;
  const marker = `MRK${randomBytes(6).toString('hex')}`;
  const year = new Date().getUTCFullYear();
  const sql = <T>(text: string, params: unknown[] = []) =>
    adminQuery<T>(text, params, databaseName(t));

  async function closedCase(n: number, outcome: string): Promise<{ filed: FiledCase; id: string }> {
    const filed = await fileCase(t, {
      customer: {
        name: `${marker} Name ${n}`,
        email: `${marker.toLowerCase()}.${n}@example.org`,
        customerNumber: `${marker}-C${n}`,
      },
      subject: `${marker} subject ${n}`,
      description: `${marker} description ${n}`,
      desiredOutcome: `${marker} desired ${n}`,
    });
    const [{ id }] = await sql<{ id: string }>(
      `UPDATE ombudsman_case
          SET status = 'closed', outcome = $2, accepted_at = NULL,
              created_at = greatest(now() - interval '5 days', date_trunc('year', now())), closed_at = now()
        WHERE reference = $1 RETURNING id`,
      [filed.reference, outcome],
    );
    return { filed, id };
  }

  async function paid(caseId: string, amountMinor: number, currency: string) {
    await sql(
      `INSERT INTO remedy (case_id, source, source_id, type, amount_minor, currency, description,
                           status, proposed_by, bound_at, due_at, fulfilled_at, payment_reference)
       VALUES ($1, 'proposal', gen_random_uuid(), 'refund', $2, $3, $4, 'fulfilled', 'olga',
               now() - interval '2 days', now() + interval '26 days', now(), $5)`,
      [caseId, amountMinor, currency, `${marker} remedy text`, `${marker}-PAY`],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    const settled = [];
    for (let n = 1; n <= 6; n += 1) settled.push(await closedCase(n, 'settled'));
    for (let n = 7; n <= 8; n += 1) await closedCase(n, 'withdrawn');
    for (const [i, { filed }] of settled.entries()) {
      await t
        .http()
        .post(`/v1/escalations/${filed.reference}/feedback`)
        .set('authorization', `Bearer ${filed.accessToken}`)
        .send({ rating: i < 3 ? 5 : 4, comment: `${marker} comment ${i}` })
        .expect(201);
      await t
        .http()
        .post(`/v1/escalations/${filed.reference}/suggestions`)
        .set('authorization', `Bearer ${filed.accessToken}`)
        .send({ text: `${marker} suggestion ${i}` })
        .expect(201);
      if (i < 5) await paid(settled[i].id, 1000 * (i + 1), 'EUR');
    }
    await paid(settled[5].id, 777, 'GBP');
    await implementCorrectiveActions(settled[0].id, settled[1].filed);
  });

  /** Three corrective-action remedies done and two accepted suggestions implemented this year. */
  async function implementCorrectiveActions(caseId: string, filed: FiledCase) {
    await sql(
      `INSERT INTO remedy (case_id, source, source_id, type, description, status, proposed_by,
                           bound_at, due_at, fulfilled_at)
       SELECT $1, 'decision', gen_random_uuid(), 'corrective_action', $2 || ' action ' || i,
              'fulfilled', 'oscar', now() - interval '3 days', now() + interval '25 days', now()
         FROM generate_series(1, 3) AS i`,
      [caseId, marker],
    );
    const officer = `Bearer ${t.token('ombudsman_officer', 'olga')}`;
    for (const text of [`${marker} idea A`, `${marker} idea B`]) {
      const created = await t
        .http()
        .post(`/v1/escalations/${filed.reference}/suggestions`)
        .set('authorization', `Bearer ${filed.accessToken}`)
        .send({ text })
        .expect(201);
      for (const status of ['accepted', 'implemented'])
        await t
          .http()
          .post(`/v1/admin/suggestions/${created.body.id}/status`)
          .set('authorization', officer)
          .send({ status, publicResponse: `${marker} done` })
          .expect(200);
    }
  }
  afterAll(() => t.close());

  const statistics = () => t.http().get('/v1/public/statistics');

  it('needs no login', async () => {
    await statistics().expect(200);
  });

  it('contains no name, e-mail, customer number or text of any case', async () => {
    const res = await statistics().expect(200);
    expect(res.text.toLowerCase()).not.toContain(marker.toLowerCase());
    expect(res.text).not.toMatch(/@/);
    expect(res.text).not.toMatch(/OMB-\d{4}/);
  });

  it('publishes figures built from at least five cases', async () => {
    const { body } = await statistics().expect(200);
    expect(body.year).toBe(year);
    expect(body.minimumCases).toBe(5);
    expect(body.volumes).toEqual({
      received: { value: 8, suppressed: false },
      closed: { value: 8, suppressed: false },
    });
    // Three corrective-action remedies and two suggestions implemented: five, shown.
    expect(body.correctiveActionsImplemented).toEqual({ value: 5, suppressed: false });
    // 3 × 5 + 3 × 4 = 27 over 6 = 4.5.
    expect(body.satisfaction).toEqual({
      responses: { value: 6, suppressed: false },
      averageRating: { value: 4.5, suppressed: false },
    });
    // 10 + 20 + 30 + 40 + 50 EUR on five cases.
    expect(body.compensationPaid).toEqual(
      expect.arrayContaining([
        {
          currency: 'EUR',
          amountMinor: { value: 15000, suppressed: false },
          cases: { value: 5, suppressed: false },
        },
      ]),
    );
  });

  it('suppresses every figure built from fewer than five cases', async () => {
    const { body } = await statistics().expect(200);
    const suppressed = { value: null, suppressed: true };
    expect(body.outcomes.withdrawn).toEqual(suppressed);
    expect(body.outcomes.litigation).toEqual(suppressed);
    // No decision this year: the uphold rate has no basis at all.
    expect(body.upholdRatePercent).toEqual(suppressed);
    expect(body.compensationPaid).toEqual(
      expect.arrayContaining([{ currency: 'GBP', amountMinor: suppressed, cases: suppressed }]),
    );
  });

  it('also suppresses the next smallest outcome, and the shares built on it, so that no small count can be recovered by subtraction', async () => {
    const { body } = await statistics().expect(200);
    const suppressed = { value: null, suppressed: true };
    // Closed 8 is published; with settled 6 shown, 8 − 6 would give the 2 withdrawn back.
    expect(body.volumes.closed).toEqual({ value: 8, suppressed: false });
    expect(body.outcomes.withdrawn).toEqual(suppressed);
    expect(body.outcomes.settled).toEqual(suppressed);
    // 75 % of 8 closed would give the 6 settled back, and with it the 2 withdrawn.
    expect(body.settledByMediationPercent).toEqual(suppressed);
    const shown = Object.values(body.outcomes as Record<string, { value: number | null }>)
      .map((f) => f.value)
      .filter((v): v is number => v !== null);
    expect(shown).toEqual([]);
  });

  it('is cacheable: Cache-Control and an ETag, and 304 when the ETag is sent back', async () => {
    const first = await statistics().expect(200);
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await statistics().set('if-none-match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(etag);
    await statistics().set('if-none-match', '"something-else"').expect(200);
  });

  it('answers another year with its own figures and ETag', async () => {
    const current = await statistics().expect(200);
    const past = await statistics()
      .query({ year: year - 3 })
      .expect(200);
    expect(past.body.volumes.received).toEqual({ value: null, suppressed: true });
    expect(past.headers.etag).not.toBe(current.headers.etag);
  });

  it('refuses a year that is not a year with 400', async () => {
    await statistics().query({ year: 'last' }).expect(400);
    await statistics().query({ year: 1850 }).expect(400);
  });
});
