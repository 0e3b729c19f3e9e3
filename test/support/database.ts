import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const TEMPLATE = 'ombudsman_template';

function templateUrl(): URL {
  const url = process.env.TEST_PG_TEMPLATE_URL;
  if (!url)
    throw new Error('TEST_PG_TEMPLATE_URL is not set: run tests through jest (global setup)');
  return new URL(url);
}

export async function adminQuery<T>(
  sql: string,
  params: unknown[] = [],
  database = 'postgres',
): Promise<T[]> {
  const url = templateUrl();
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the migrated template; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `t_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await adminQuery(`CREATE DATABASE "${name}" TEMPLATE ${TEMPLATE}`);
      break;
    } catch (error) {
      // Two workers cloning at the same instant can see the template "in use"; try again shortly.
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
  const url = templateUrl();
  url.pathname = `/${name}`;
  return url.toString();
}
