import { Client } from 'pg';

/**
 * Gives seeded cases what reports read: realistic times to outcome, an acknowledgement deadline
 * each, feedback on most closed cases, remedies on settled and upheld ones (most paid, some
 * overdue) and a few suggestions. Set-based SQL only, so 100,000 cases take seconds. Runs once per
 * database: a second call finds the feedback already there and does nothing.
 */
const STEPS = [
  // Closed cases took 1 to 150 days; accepted ones were accepted two days after receipt.
  `UPDATE ombudsman_case
      SET accepted_at = CASE WHEN outcome IN ('resolved_by_frontline', 'rejected') THEN NULL
                             ELSE created_at + interval '2 days' END,
          closed_at = least(now(), created_at + (1 + random() * 149) * interval '1 day')
    WHERE status = 'closed'`,
  // Nine in ten acknowledged within the two business days, the rest late.
  `INSERT INTO case_deadline (case_id, case_created_at, kind, party, started_at, due_at, met_at)
   SELECT c.id, c.created_at, 'acknowledge', 'office', c.created_at, c.created_at + interval '2 days',
          CASE WHEN c.acknowledged_at IS NULL THEN NULL
               WHEN random() < 0.9 THEN c.created_at + interval '1 day'
               ELSE c.created_at + interval '4 days' END
     FROM ombudsman_case c
    WHERE NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_id = c.id AND d.kind = 'acknowledge')`,
  `INSERT INTO case_feedback (case_id, rating, created_at)
   SELECT id, (ARRAY[1, 2, 3, 4, 4, 5, 5, 5])[1 + floor(random() * 8)::int],
          least(now(), closed_at + interval '1 day')
     FROM ombudsman_case WHERE status = 'closed' AND random() < 0.6`,
  // Settled and upheld cases owed one remedy each, bound three weeks before closing, mostly paid.
  `INSERT INTO remedy (case_id, source, source_id, type, amount_minor, currency, description,
                       status, proposed_by, created_at, bound_at, due_at, fulfilled_at, payment_reference)
   SELECT id, CASE WHEN outcome = 'settled' THEN 'proposal' ELSE 'decision' END, gen_random_uuid(),
          t.type,
          CASE WHEN t.type IN ('apology', 'corrective_action') THEN NULL ELSE 1000 + floor(random() * 200000)::bigint END,
          CASE WHEN t.type IN ('apology', 'corrective_action') THEN NULL
               ELSE (ARRAY['EUR', 'EUR', 'GBP', 'USD'])[1 + floor(random() * 4)::int] END,
          'Seeded remedy', 'fulfilled', 'seed', closed_at - interval '25 days',
          closed_at - interval '21 days', closed_at + interval '7 days', closed_at - interval '1 day',
          'PAY-' || left(md5(id::text), 10)
     FROM (SELECT c.*, (ARRAY['refund', 'refund', 'goodwill_payment', 'distress_compensation',
                              'service_credit', 'apology', 'corrective_action'])[1 + floor(random() * 7)::int] AS type
             FROM ombudsman_case c
            WHERE c.status = 'closed' AND c.outcome IN ('settled', 'upheld', 'partially_upheld')) t`,
  // Cases in fulfilment owe theirs still; a third are past the 28 days.
  `INSERT INTO remedy (case_id, source, source_id, type, amount_minor, currency, description,
                       status, proposed_by, created_at, bound_at, due_at)
   SELECT id, 'decision', gen_random_uuid(), 'refund', 1000 + floor(random() * 200000)::bigint,
          'EUR', 'Seeded remedy', 'due', 'seed', b.bound_at, b.bound_at, b.bound_at + interval '28 days'
     FROM (SELECT id, now() - random() * interval '40 days' AS bound_at
             FROM ombudsman_case WHERE status = 'fulfilment') b`,
  `INSERT INTO suggestion (case_id, text, status, created_at, updated_at, accepted_at, implemented_at)
   SELECT id, 'Seeded suggestion', s.status, created_at, created_at,
          CASE WHEN s.status IN ('accepted', 'implemented') THEN created_at + interval '10 days' END,
          CASE WHEN s.status = 'implemented' THEN least(now(), created_at + interval '40 days') END
     FROM (SELECT c.id, c.created_at,
                  (ARRAY['received', 'under_review', 'accepted', 'implemented', 'declined'])[1 + floor(random() * 5)::int] AS status
             FROM ombudsman_case c WHERE random() < 0.02) s`,
];

/**
 * Brings the seeded cases into the last 364 days, keeping their order: every case's times move
 * towards now by the same factor (cases seeded over two years end up spread over one). The
 * queue's order, and so its cursors, are unchanged. Runs before the steps above derive closure,
 * acknowledgement, feedback and remedy times from created_at.
 */
const WITHIN_ONE_YEAR = `
  WITH span AS (
    SELECT least(1, 364 * 86400 / greatest(extract(epoch FROM now() - min(created_at)), 1))::float8 AS k
      FROM ombudsman_case
  ), moved AS (
    SELECT c.id, (now() - (now() - c.created_at) * span.k) - c.created_at AS shift
      FROM ombudsman_case c, span WHERE span.k < 1
  )
  UPDATE ombudsman_case c
     SET created_at = c.created_at + m.shift, updated_at = c.updated_at + m.shift,
         acknowledged_at = c.acknowledged_at + m.shift, accepted_at = c.accepted_at + m.shift,
         closed_at = c.closed_at + m.shift
    FROM moved m WHERE c.id = m.id`;

export interface SeedOutcomesOptions {
  /** Spread the seeded cases over the last year first (the `kpis` bench's "a year of cases"). */
  readonly withinOneYear?: boolean;
}

export async function seedOutcomes(
  databaseUrl: string,
  options: SeedOutcomesOptions = {},
): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ seeded: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM case_feedback) AS seeded',
    );
    if (rows[0].seeded) return false;
    await client.query('BEGIN');
    if (options.withinOneYear) await client.query(WITHIN_ONE_YEAR);
    for (const step of STEPS) await client.query(step);
    await client.query('COMMIT');
    for (const table of [
      'ombudsman_case',
      'case_deadline',
      'case_feedback',
      'remedy',
      'suggestion',
    ])
      await client.query(`VACUUM (ANALYZE) ${table}`);
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
