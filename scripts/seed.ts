/**
 * Fills a database with realistic cases for load tests and demos:
 *   npm run seed -- --cases 100000
 * Without DATABASE_URL it seeds the service's own embedded PostgreSQL under DATA_DIR (./.data):
 * the running service's server when `npm start` is up, otherwise it starts that server itself,
 * applies the migrations, seeds and stops it again.
 */
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { loadConfig } from '../src/config/load-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { seedCases } from './seed-cases';
import { seedOutcomes } from './seed-outcomes';

export { seedCases } from './seed-cases';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The database to seed, and how to let go of it afterwards. */
async function openDatabase(): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  const config = loadConfig(process.env);
  if (config.databaseUrl) return { url: config.databaseUrl };
  const running = `postgres://postgres:postgres@127.0.0.1:${config.embeddedPostgresPort}/ombudsman`;
  if (await reachable(running)) return { url: running };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
  });
  return { url: embedded.url, embedded };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000' },
      // Timings, acknowledgements, feedback, remedies and suggestions for the reports.
      outcomes: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.cases);
  if (!Number.isInteger(count) || count < 1) fail('--cases must be a positive integer');
  const { url, embedded } = await openDatabase();
  try {
    await runMigrations(url);
    const started = Date.now();
    await seedCases(url, count, (done) => console.log(`inserted ${done} of ${count} cases`));
    console.log(`seeded ${count} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (values.outcomes && (await seedOutcomes(url)))
      console.log('seeded outcomes, feedback, remedies and suggestions');
  } finally {
    await embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => fail(`seeding failed: ${(error as Error).message}`));
}
