import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/load-config';
import { SlaSweep } from '../../src/sla/sweep/sla-sweep';
import { progress } from '../lib/log';
import { BenchContext, TimedScenario } from './types';

const DAY = 86_400_000;
const NEWLY_DUE = 1_000;
const EMPTY_RUNS = 5;
// Far beyond anything the other scenarios or the running service's own sweep look at.
const BASE = Date.now() + 20 * 365 * DAY;

/** Open cases with one far-off outcome deadline each, numbered from `from`. */
async function seedOpenCases(db: Client, from: number, to: number, start: Date): Promise<void> {
  await db.query(
    `WITH made AS (
       INSERT INTO ombudsman_case (reference, status, customer_name, customer_email, subject,
                                   description, category, language, access_token_hash)
       SELECT 'OMB-2099-' || lpad(i::text, 6, '0'), 'investigation', 'Bench Customer ' || i,
              'bench' || i || '@example.org', 'Sweep bench case ' || i, 'Seeded for the sweep.',
              'billing', 'en', '\\x00'::bytea
         FROM generate_series($1::int, $2::int) AS i
       RETURNING id)
     INSERT INTO case_deadline (case_id, kind, party, started_at, due_at)
     SELECT id, 'outcome', 'office', $3::timestamptz, $3::timestamptz + interval '5 years'
       FROM made`,
    [from, to, start],
  );
}

/** `NEWLY_DUE` more deadlines on existing bench cases, falling due in the hour after `at`. */
async function seedNewlyDue(db: Client, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO case_deadline (case_id, kind, party, started_at, due_at)
     SELECT c.id, 'frontline_response', 'company', $1::timestamptz - interval '10 days',
            $1::timestamptz + make_interval(secs => (random() * 3000)::int + 1)
       FROM (SELECT id FROM ombudsman_case WHERE reference LIKE 'OMB-2099-%'
              ORDER BY random() LIMIT $2) c`,
    [at, NEWLY_DUE],
  );
  await db.query('ANALYZE case_deadline');
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [Number(process.hrtime.bigint() - started) / 1e6, result];
}

async function measureAt(db: Client, sweep: SlaSweep, cases: number, base: Date): Promise<string> {
  // Whatever else the database holds that is due before our window is flagged now, untimed.
  await sweep.run(new Date(base.getTime() - 3 * DAY));
  await seedNewlyDue(db, base);
  const at = new Date(base.getTime() + 3_600_000);
  const [sweepMs, result] = await timed(() => sweep.run(at));
  const empty: number[] = [];
  for (let i = 0; i < EMPTY_RUNS; i += 1) empty.push((await timed(() => sweep.run(at)))[0]);
  empty.sort((x, y) => x - y);
  return (
    `scenario=sweep cases=${cases} newly_due=${NEWLY_DUE} flagged=${result.breached} ` +
    `sweep_ms=${sweepMs.toFixed(1)} empty_sweep_ms=${empty[Math.floor(EMPTY_RUNS / 2)].toFixed(2)}`
  );
}

/**
 * The breach sweep: one sweep with 1,000 newly due deadlines among 10,000 and then
 * 100,000 open cases, and a sweep with nothing due, run in-process against the bench database.
 */
export const sweep: TimedScenario = {
  name: 'sweep',
  timed: true,
  async run(ctx: BenchContext): Promise<readonly string[]> {
    const db = new Client({ connectionString: ctx.databaseUrl });
    await db.connect();
    let app: INestApplicationContext | undefined;
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: ctx.databaseUrl,
        JWT_SECRET: ctx.jwtSecret,
        SLA_SWEEP_INTERVAL_MS: '0',
      });
      app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
        logger: false,
      });
      const sweeper = app.get(SlaSweep);
      const lines: string[] = [];
      const first = new Date(BASE);
      progress('sweep: seeding 10,000 open cases');
      await seedOpenCases(db, 1, 10_000, new Date(first.getTime() - 10 * DAY));
      lines.push(await measureAt(db, sweeper, 10_000, first));
      const second = new Date(BASE + 30 * DAY);
      progress('sweep: seeding 90,000 more open cases');
      await seedOpenCases(db, 10_001, 100_000, new Date(second.getTime() - 10 * DAY));
      lines.push(await measureAt(db, sweeper, 100_000, second));
      return lines;
    } finally {
      await app?.close();
      await db.end();
    }
  },
};
