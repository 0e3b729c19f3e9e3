import { Client } from 'pg';
import { seedCases } from '../../scripts/seed-cases';
import { progress } from './log';

/** The case count of the queue and search targets. */
export const SEEDED_CASES = 100_000;

/**
 * Seeds the bench database up to `count` cases once, whichever scenario asks first (the queue,
 * search and report scenarios share the same 100,000 cases).
 */
export async function ensureSeeded(databaseUrl: string, count = SEEDED_CASES): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM ombudsman_case',
    );
    const missing = count - rows[0].n;
    if (missing <= 0) return;
    progress(`seeding ${missing} cases`);
    const started = Date.now();
    await seedCases(databaseUrl, missing);
    progress(`seeded ${missing} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}

/** The queue cursor after `depth` cases, as the service would hand it out. */
export async function cursorAtDepth(databaseUrl: string, depth: number): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ at: string; id: string }>(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, id
         FROM ombudsman_case ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`,
      [depth - 1],
    );
    if (!rows[0]) throw new Error(`the queue has fewer than ${depth} cases`);
    // Imported lazily: the cursor format belongs to the service.
    const { encodeQueueCursor } = await import('../../src/cases/queue/queue-cursor');
    return encodeQueueCursor({ createdAt: rows[0].at, id: rows[0].id });
  } finally {
    await client.end();
  }
}

/** `count` cases spread evenly over the whole table, oldest first: ids and references. */
export async function spreadCases(
  client: Client,
  count: number,
): Promise<{ id: string; reference: string }[]> {
  const { rows } = await client.query<{ id: string; reference: string }>(
    `SELECT id, reference FROM (
       SELECT id, reference, row_number() OVER (ORDER BY created_at) AS n, count(*) OVER () AS total
         FROM ombudsman_case) numbered
      WHERE n % greatest(total / $1, 1) = 1 ORDER BY n LIMIT $1`,
    [count],
  );
  return rows;
}
