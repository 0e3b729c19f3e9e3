import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { LoadStats, runLoad } from '../lib/load';
import { progress } from '../lib/log';
import { cpuMs, loadAverage } from '../lib/memory';
import { freePorts } from '../lib/ports';
import { Child, waitForHttp } from '../lib/processes';
import { distinctJsonRequests } from '../lib/requests';
import { startSmtpSink } from '../lib/smtp-sink';
import { sampleWaits, WaitSummary, waitsField } from '../lib/wait-sampler';
import { filing } from './intake';
import { BenchContext, TimedScenario } from './types';

const MESSAGES = 1_000;
const DRAIN_TARGET_PER_S = 200;
const FILING_RATIO_TARGET = 0.9;
const DRAIN_TIMEOUT_MS = 120_000;
const ROOT = resolve(__dirname, '..', '..');

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
  readonly pid: number | undefined;
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
    pid: child.pid,
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

/**
 * Seeds the queue and waits until the service has sent it all: seconds from queued to last sent,
 * and the service's CPU time per message (what the neighbours on a shared machine do not inflate).
 */
async function measureDrain(db: Client, pid: number | undefined): Promise<string> {
  const cpuBefore = pid === undefined ? NaN : cpuMs(pid);
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
      const cpuPerMessage = ((pid === undefined ? NaN : cpuMs(pid)) - cpuBefore) / sent;
      return (
        `scenario=mail:drain messages=${sent} drain_s=${seconds.toFixed(2)} ` +
        `msgs_per_s=${rate.toFixed(0)} service_cpu_ms_per_msg=${cpuPerMessage.toFixed(2)} ` +
        `load=${loadAverage()} targets=msgs_per_s>=${DRAIN_TARGET_PER_S}:` +
        `${rate >= DRAIN_TARGET_PER_S ? 'met' : 'missed'}`
      );
    }
    if (Date.now() > deadline) {
      return `scenario=mail:drain messages=${sent} drain_s=timeout targets=msgs_per_s>=${DRAIN_TARGET_PER_S}:missed`;
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Where the backends waited while filing with mail on, on stderr (the line keeps the top few). */
function reportWaits(waits: WaitSummary): void {
  progress(
    `mail: ${waits.samples} samples of pg_stat_activity while filing with mail on; ` +
      `pool in use ${waits.poolInUseMean.toFixed(1)}, waiting ${waits.poolWaitingMean.toFixed(1)} ` +
      `(max ${waits.poolWaitingMax}); mean busy backends by wait and statement:\n` +
      waits.statements.map((s) => `  ${s.mean.toFixed(2)} ${s.key}`).join('\n'),
  );
}

/**
 * A filing run, the service's CPU time per filing answered while it was measured, and where the
 * database waited meanwhile (sampled in every run alike, so the sampling costs each the same).
 */
async function filingLoad(
  url: string,
  offset: number,
  pid: number | undefined,
  databaseUrl: string,
): Promise<LoadStats & { cpuPerFiling: number; waits: WaitSummary }> {
  const requests = distinctJsonRequests('POST', '/v1/escalations', (n) => filing(offset + n));
  const definition = { method: 'POST' as const, path: '/v1/escalations', requests };
  await runLoad(url, definition, 50, 2);
  const sampler = sampleWaits(databaseUrl, 'bench_mail', url);
  const cpuBefore = pid === undefined ? NaN : cpuMs(pid);
  const stats = await runLoad(url, definition, 50, Number(process.env.BENCH_SECONDS ?? 10));
  const cpu = (pid === undefined ? NaN : cpuMs(pid)) - cpuBefore;
  const waits = await sampler.stop();
  return { ...stats, cpuPerFiling: cpu / Math.max(stats.answered, 1), waits };
}

/** Seconds until the service has planned and sent everything the filings queued, once they stop. */
async function measureCatchUp(db: Client): Promise<string> {
  const started = Date.now();
  while (Date.now() - started < DRAIN_TIMEOUT_MS) {
    const { rows } = await db.query<{ left: number }>(
      `SELECT (SELECT count(*) FROM mail_message WHERE status = 'queued')
            + (SELECT count(*) FROM outbox_event WHERE mail_planned_at IS NULL) AS left`,
    );
    if (Number(rows[0].left) === 0) return ((Date.now() - started) / 1000).toFixed(1);
    await new Promise((done) => setTimeout(done, 100));
  }
  return 'timeout';
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
    const sink = await startSmtpSink(smtpPort);
    const db = new Client({ connectionString: databaseUrl });
    const withService = async <T>(
      on: boolean,
      work: (url: string, pid: number | undefined) => Promise<T>,
    ) => {
      const service = await startService(ctx, databaseUrl, { smtpPort, on });
      try {
        return await work(service.url, service.pid);
      } finally {
        await service.stop();
      }
    };
    try {
      progress('mail: filing with mail off');
      const off1 = await withService(false, (url, pid) => filingLoad(url, 0, pid, databaseUrl));
      await db.connect();
      // What the run with mail off filed is not the on run's work: its events count as planned.
      await db.query(
        `UPDATE outbox_event SET mail_planned_at = now() WHERE mail_planned_at IS NULL`,
      );
      await db.query('ANALYZE');
      const before = await countOf(db, `status = 'sent'`);
      progress('mail: draining 1,000 queued messages, then filing with mail on');
      const { drain, on, sent, queued, catchUp } = await withService(true, async (url, pid) => {
        const drained = await measureDrain(db, pid);
        const load = await filingLoad(url, 1_000_000, pid, databaseUrl);
        const sentDuring = (await countOf(db, `status = 'sent'`)) - before - MESSAGES;
        const queuedAfter = await countOf(db, `status = 'queued'`);
        return {
          drain: drained,
          on: load,
          sent: sentDuring,
          queued: queuedAfter,
          catchUp: await measureCatchUp(db),
        };
      });
      const { waits } = on;
      reportWaits(waits);
      await db.query('ANALYZE');
      progress('mail: filing with mail off again');
      const off2 = await withService(false, (url, pid) =>
        filingLoad(url, 2_000_000, pid, databaseUrl),
      );
      const offRps = (off1.rps + off2.rps) / 2;
      const ratio = on.rps / offRps;
      const cpuOff = (off1.cpuPerFiling + off2.cpuPerFiling) / 2;
      return [
        drain,
        `scenario=mail:filing rps_mail_on=${on.rps.toFixed(0)} rps_mail_off=${offRps.toFixed(0)} ` +
          `rps_mail_off_runs=${off1.rps.toFixed(0)}/${off2.rps.toFixed(0)} ` +
          `p95_ms_on=${on.p95.toFixed(1)} p95_ms_off=${Math.max(off1.p95, off2.p95).toFixed(1)} ` +
          `errors=${on.errors + off1.errors + off2.errors} ratio=${ratio.toFixed(2)} ` +
          `cpu_ms_per_filing_on=${on.cpuPerFiling.toFixed(2)} cpu_ms_per_filing_off=${cpuOff.toFixed(2)} ` +
          `cpu_ratio=${(cpuOff / on.cpuPerFiling).toFixed(2)} ` +
          `messages_sent=${sent} messages_queued_after=${queued} catch_up_s=${catchUp} ` +
          `sink_received=${sink.received()} ` +
          `pool_waiting_mean_on=${waits.poolWaitingMean.toFixed(1)} ` +
          `pool_waiting_max_on=${waits.poolWaitingMax} db_waits_on=${waitsField(waits)} ` +
          `load=${loadAverage()} ` +
          `targets=ratio>=${FILING_RATIO_TARGET}:${ratio >= FILING_RATIO_TARGET ? 'met' : 'missed'}`,
      ];
    } finally {
      await db.end().catch(() => undefined);
      await sink.close();
    }
  },
};
