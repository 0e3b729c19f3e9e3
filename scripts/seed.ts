/**
 * Fills a database with realistic cases for load tests and demos:
 * DATABASE_URL=postgres://… npm run seed -- --cases 100000
 * The schema must be migrated (start the service once against the database).
 */
import { parseArgs } from 'node:util';
import { seedCases } from './seed-cases';

export { seedCases } from './seed-cases';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000' } } });
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    fail(
      'DATABASE_URL is not set: point it at a migrated database, e.g. ' +
        'DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/ombudsman npm run seed -- --cases 100000',
    );
  }
  const count = Number(values.cases);
  if (!Number.isInteger(count) || count < 1) fail('--cases must be a positive integer');
  const started = Date.now();
  await seedCases(databaseUrl, count, (done) => console.log(`inserted ${done} of ${count} cases`));
  console.log(`seeded ${count} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  main().catch((error: unknown) => fail(`seeding failed: ${(error as Error).message}`));
}
