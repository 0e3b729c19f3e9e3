import { Client } from 'pg';
import { CASE_OUTCOMES, CaseStatus } from '../src/cases/case-lifecycle';
import { CATEGORIES } from '../src/cases/case-category';
import { OFFICERS, VOCABULARY } from './seed-vocabulary';

/** Roughly a real office's queue: most cases closed or being handled, few just filed. */
const STATUS_WEIGHTS: Record<CaseStatus, number> = {
  submitted: 4,
  referred_to_frontline: 14,
  rejected: 3,
  accepted: 4,
  investigation: 16,
  mediation: 8,
  settled: 3,
  decision_issued: 5,
  fulfilment: 4,
  closed: 39,
};
const HANDLED: readonly CaseStatus[] = [
  'investigation',
  'mediation',
  'settled',
  'decision_issued',
  'fulfilment',
];
/** The span seeded cases are spread over unless the caller says otherwise: two years. */
const SPAN_DAYS = 730;
const BATCH = 25_000;

const STATUS_POOL = Object.entries(STATUS_WEIGHTS).flatMap(([status, weight]) =>
  Array<string>(weight).fill(status),
);

/** An element of the JSON array `json -> key`, at random position `r` (0 ≤ r < 1). */
const pick = (json: string, key: string, r: string) =>
  `(${json} -> '${key}' ->> floor(${r} * jsonb_array_length(${json} -> '${key}'))::int)`;

/**
 * One INSERT … SELECT over generate_series: the rows are made by PostgreSQL, nothing crosses the
 * wire but the vocabulary. References come from the service's per-year sequences, so cases filed
 * afterwards never collide with seeded ones.
 */
const insertBatch = (spanDays: number) => `
  WITH picks AS MATERIALIZED (
    SELECT g.i,
           ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] AS status,
           (ARRAY['en', 'en', 'en', 'en', 'ru', 'ru', 'ru', 'ru', 'zh', 'zh'])[1 + floor(random() * 10)::int] AS language,
           random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
           random() AS r6, random() AS r7, random() AS r8, random() AS r9,
           now() - (($2::int - g.i + random()) / $2::int) * interval '${spanDays} days' AS created_at
      FROM generate_series($1::int, least($1::int + ${BATCH} - 1, $2::int)) AS g(i)
  ), shaped AS (
    SELECT p.*, $4::jsonb -> p.language AS lv,
           extract(year FROM p.created_at AT TIME ZONE 'UTC')::int AS year,
           CASE WHEN p.status = ANY($7::text[]) OR (p.status = 'closed' AND p.r8 < 0.7)
                THEN 1 + floor(p.r9 * cardinality($5::text[]))::int END AS officer
      FROM picks p
  ), named AS (
    SELECT s.*, s.lv -> 'people' -> floor(s.r1 * jsonb_array_length(s.lv -> 'people'))::int AS v
      FROM shaped s
  ), people AS (
    SELECT s.*, ${pick('s.v', 'first', 's.r2')} AS first_name, ${pick('s.v', 'last', 's.r3')} AS last_name
      FROM named s
  )
  INSERT INTO ombudsman_case (reference, status, outcome, version, customer_name, customer_email,
    customer_number, subject, description, desired_outcome, amount_minor, amount_currency,
    category, language, assigned_officer_id, assigned_officer_name, access_token_hash,
    created_at, updated_at, acknowledged_at, accepted_at, closed_at)
  SELECT 'OMB-' || s.year || '-' ||
           lpad(nextval(format('case_reference_seq_%s', s.year)::regclass)::text, 6, '0'),
         s.status,
         CASE WHEN s.status = 'closed'
              THEN ($6::text[])[1 + floor(s.r4 * cardinality($6::text[]))::int] END,
         1 + floor(s.r5 * 5)::int,
         CASE WHEN (s.lv ->> 'surnameFirst')::boolean THEN s.last_name || s.first_name
              ELSE s.first_name || ' ' || s.last_name END,
         coalesce(s.lv ->> 'emailPrefix', lower(s.first_name || '.' || s.last_name)) || '.' || s.i
           || '@' || (s.lv ->> 'emailDomain'),
         'C-' || (100000 + s.i),
         ${pick('s.lv', 'subjects', 's.r6')},
         ${pick('s.lv', 'sentences', 's.r7')} || ' ' ||
           ${pick('s.lv', 'sentences', '(s.r7 + 0.5 - floor(s.r7 + 0.5))')} || ' ' ||
           replace(s.lv ->> 'orderLine', '%s', (700000 + s.i)::text),
         ${pick('s.lv', 'desiredOutcomes', 's.r3')},
         CASE WHEN s.r4 < 0.9 THEN 1000 + floor(s.r5 * 500000)::bigint END,
         CASE WHEN s.r4 < 0.9 THEN ${pick('s.lv', 'currencies', 's.r6')} END,
         ($8::text[])[1 + floor(s.r8 * cardinality($8::text[]))::int],
         s.language,
         ($5::text[])[s.officer],
         ($9::text[])[s.officer],
         sha256(uuid_send(gen_random_uuid())),
         s.created_at,
         s.created_at + interval '3 days',
         CASE WHEN s.status <> 'submitted' THEN s.created_at + interval '1 day' END,
         CASE WHEN s.status NOT IN ('submitted', 'referred_to_frontline', 'rejected')
              THEN s.created_at + interval '2 days' END,
         CASE WHEN s.status = 'closed' THEN s.created_at + interval '3 days' END
    FROM people s
   ORDER BY s.i`;

/** The years the seeded span touches, so that each has its reference sequence. */
function yearsSpanned(now: Date, spanDays: number): number[] {
  const first = new Date(now.getTime() - (spanDays + 1) * 86_400_000).getUTCFullYear();
  const years: number[] = [];
  for (let year = first; year <= now.getUTCFullYear(); year += 1) years.push(year);
  return years;
}

interface IndexDefinition {
  readonly name: string;
  readonly definition: string;
}

/**
 * A GIN index takes a bulk load far faster as one build than row by row (the trigram index gets
 * some 150 entries per case). When the load at least doubles the table, the GIN indexes are
 * dropped and rebuilt from their own definitions in the loading transaction, so a failure
 * leaves them as they were.
 */
async function ginIndexesToRebuild(client: Client, count: number): Promise<IndexDefinition[]> {
  const { rows: sized } = await client.query<{ existing: number }>(
    `SELECT greatest(reltuples, 0)::float8 AS existing FROM pg_class WHERE oid = 'ombudsman_case'::regclass`,
  );
  if (count < sized[0].existing) return [];
  const { rows } = await client.query<IndexDefinition>(
    `SELECT indexname AS name, indexdef AS definition
       FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = 'ombudsman_case'
        AND indexdef LIKE '% USING gin %'`,
  );
  return rows;
}

/**
 * Inserts `count` realistic cases (mixed statuses, categories, languages, officers) spread over
 * the last `spanDays` (two years by default), then VACUUM ANALYZE so the planner sees the new distribution at once.
 */
export async function seedCases(
  databaseUrl: string,
  count: number,
  onProgress: (inserted: number) => void = () => undefined,
  spanDays = SPAN_DAYS,
): Promise<void> {
  if (!Number.isInteger(count) || count < 1) throw new Error('count must be a positive integer');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const year of yearsSpanned(new Date(), spanDays)) {
      await client.query(`CREATE SEQUENCE IF NOT EXISTS case_reference_seq_${year} AS bigint`);
    }
    await client.query('BEGIN');
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const rebuild = await ginIndexesToRebuild(client, count);
    for (const index of rebuild) await client.query(`DROP INDEX "${index.name}"`);
    for (let start = 1; start <= count; start += BATCH) {
      await client.query(insertBatch(spanDays), [
        start,
        count,
        STATUS_POOL,
        JSON.stringify(VOCABULARY),
        OFFICERS.map((o) => o.id),
        CASE_OUTCOMES,
        HANDLED,
        CATEGORIES,
        OFFICERS.map((o) => o.name),
      ]);
      onProgress(Math.min(start + BATCH - 1, count));
    }
    for (const index of rebuild) await client.query(index.definition);
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE) ombudsman_case');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
