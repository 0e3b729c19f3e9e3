import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { LoadStats, runLoad } from '../lib/load';
import { progress } from '../lib/log';
import { freePorts } from '../lib/ports';
import { Child, waitForHttp } from '../lib/processes';
import { distinctJsonRequests } from '../lib/requests';
import { filing } from './intake';
import { BenchContext, TimedScenario } from './types';

const MESSAGES = 1_000;
const DRAIN_TARGET_PER_S = 200;
const FILING_RATIO_TARGET = 0.9;
const DRAIN_TIMEOUT_MS = 120_000;
const ROOT = resolve(__dirname, '..', '..');

/** An SMTP server that accepts and discards every message, counting them. */
async function startSink(port: number): Promise<{ server: SMTPServer; received: () => number }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { server, received: () => received };
}

/** A database of its own, so the bench's main service (whose dispatcher runs) never touches it. */
async function createMailDatabase(databaseUrl: string): Promise<string> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query('DROP DATABASE IF EXISTS bench_mail');
    await admin.query('CREATE DATABASE bench_mail');
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = '/bench_mail';
  return url.toString();
}

interface RunningService {
  readonly url: string;
  stop(): Promise<void>;
}

/** The built service as production runs it (`node dist/src/main.js`), mail on or off. */
async function startService(
  ctx: BenchContext,
  databaseUrl: string,
  mail: { smtpPort: number; on: boolean },
): Promise<RunningService> {
  const [port] = await freePorts(1);
  const dataDir = await mkdtemp(join(tmpdir(), 'ombudsman-bench-mail-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET: ctx.jwtSecret,
    RATE_LIMIT_PER_MINUTE: '1000000',
    SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    COMPANY_NOTIFY_EMAIL: 'claims@company.example',
    // On: a pass every 200 ms, and at once again while the queue is full. Off: never.
    MAIL_DISPATCH_INTERVAL_MS: mail.on ? '200' : '0',
  };
  delete env.JWT_PUBLIC_KEY;
  const label = `service (mail ${mail.on ? 'on' : 'off'})`;
  const child = new Child({
    label,
    command: process.execPath,
    args: ['dist/src/main.js'],
    env,
    cwd: ROOT,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/health/ready`, child, 60_000);
  } catch (error) {
    child.dumpOutput();
    await child.stop();
    throw error;
  }
  return {
    url,
    async stop() {
      await child.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** 1,000 messages queued on one seeded case, due now: the running dispatcher takes them. */
async function seedQueue(db: Client): Promise<void> {
  await db.query(
    `WITH made AS (
       INSERT INTO ombudsman_case (reference, status, customer_name, customer_email, subject,
                                   description, category, language, access_token_hash)
       VALUES ('OMB-2098-000001', 'investigation', 'Mail Bench', 'mail.bench@example.org',
               'Mail bench', 'Seeded for the mail bench.', 'billing', 'ru', '\\x00'::bytea)
       RETURNING id)
     INSERT INTO mail_message (case_id, source_key, template, language, audience, recipient,
                               recipient_name, params, next_attempt_at, created_at)
     SELECT made.id, 'bench:' || i, 'decision_issued', (ARRAY['en','ru','zh'])[i % 3 + 1],
            'customer', 'mail.bench@example.org', 'Mail Bench',
            jsonb_build_object('reference', 'OMB-2098-000001', 'finding', 'upheld',
                               'dueAt', '2030-01-01T00:00:00Z'), now(), now()
       FROM made, generate_series(1, $1::int) AS i`,
    [MESSAGES],
  );
}

/** Seeds the queue and waits until the service has sent it all: seconds from queued to last sent. */
async function measureDrain(db: Client): Promise<string> {
  await seedQueue(db);
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const { rows } = await db.query<{ sent: number; seconds: number | null }>(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
              extract(epoch FROM max(sent_at) - min(created_at))::float8 AS seconds
         FROM mail_message WHERE source_key LIKE 'bench:%'`,
    );
    const [{ sent, seconds }] = rows;
    if (sent === MESSAGES && seconds !== null) {
      const rate = sent / seconds;
      return (
        `scenario=mail:drain messages=${sent} drain_s=${seconds.toFixed(2)} ` +
        `msgs_per_s=${rate.toFixed(0)} targets=msgs_per_s>=${DRAIN_TARGET_PER_S}:` +
        `${rate >= DRAIN_TARGET_PER_S ? 'met' : 'missed'}`
      );
    }
    if (Date.now() > deadline) {
      return `scenario=mail:drain messages=${sent} drain_s=timeout targets=msgs_per_s>=${DRAIN_TARGET_PER_S}:missed`;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function filingLoad(url: string, offset: number): Promise<LoadStats> {
  const requests = distinctJsonRequests('POST', '/v1/escalations', (n) => filing(offset + n));
  const definition = { method: 'POST' as const, path: '/v1/escalations', requests };
  await runLoad(url, definition, 50, 2);
  return runLoad(url, definition, 50, Number(process.env.BENCH_SECONDS ?? 10));
}

async function countOf(db: Client, where: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM mail_message WHERE ${where}`,
  );
  return rows[0].n;
}

/**
 * Mail (issue 15), against the built service in a process of its own on a database of its own,
 * with an SMTP sink on a free port. First the drain: 1,000 messages queued by SQL, timed from
 * queued to the last one sent by the service's own dispatcher loop. Then filing throughput
 * with mail off, on (every filing queues messages, sent in the background to the sink) and off
 * again; the ratio is against the mean of the two runs with mail off, so a database that grows
 * during the runs does not favour either side.
 */
export const mail: TimedScenario = {
  name: 'mail',
  timed: true,
  async run(ctx: BenchContext): Promise<readonly string[]> {
    const databaseUrl = await createMailDatabase(ctx.databaseUrl);
    const [smtpPort] = await freePorts(1);
    const sink = await startSink(smtpPort);
    const db = new Client({ connectionString: databaseUrl });
    const withService = async <T>(on: boolean, work: (url: string) => Promise<T>) => {
      const service = await startService(ctx, databaseUrl, { smtpPort, on });
      try {
        return await work(service.url);
      } finally {
        await service.stop();
      }
    };
    try {
      progress('mail: filing with mail off');
      const off1 = await withService(false, (url) => filingLoad(url, 0));
      await db.connect();
      // What the run with mail off filed is not the on run's work: its events count as planned.
      await db.query(
        `UPDATE outbox_event SET mail_planned_at = now() WHERE mail_planned_at IS NULL`,
      );
      await db.query('ANALYZE');
      const before = await countOf(db, `status = 'sent'`);
      progress('mail: draining 1,000 queued messages, then filing with mail on');
      const { drain, on } = await withService(true, async (url) => ({
        drain: await measureDrain(db),
        on: await filingLoad(url, 1_000_000),
      }));
      const sent = (await countOf(db, `status = 'sent'`)) - before - MESSAGES;
      const queued = await countOf(db, `status = 'queued'`);
      await db.query('ANALYZE');
      progress('mail: filing with mail off again');
      const off2 = await withService(false, (url) => filingLoad(url, 2_000_000));
      const offRps = (off1.rps + off2.rps) / 2;
      const ratio = on.rps / offRps;
      return [
        drain,
        `scenario=mail:filing rps_mail_on=${on.rps.toFixed(0)} rps_mail_off=${offRps.toFixed(0)} ` +
          `rps_mail_off_runs=${off1.rps.toFixed(0)}/${off2.rps.toFixed(0)} ` +
          `p95_ms_on=${on.p95.toFixed(1)} p95_ms_off=${Math.max(off1.p95, off2.p95).toFixed(1)} ` +
          `errors=${on.errors + off1.errors + off2.errors} ratio=${ratio.toFixed(2)} ` +
          `messages_sent=${sent} messages_queued_after=${queued} sink_received=${sink.received()} ` +
          `targets=ratio>=${FILING_RATIO_TARGET}:${ratio >= FILING_RATIO_TARGET ? 'met' : 'missed'}`,
      ];
    } finally {
      await db.end().catch(() => undefined);
      // The sink waits for its clients to hang up; a pooled connection left open must not hold the run.
      await Promise.race([
        new Promise<void>((done) => sink.server.close(() => done())),
        new Promise<void>((done) => setTimeout(done, 5_000).unref()),
      ]);
    }
  },
};
