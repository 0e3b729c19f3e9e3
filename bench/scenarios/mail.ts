import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/load-config';
import { MailDispatcher } from '../../src/mail/mail-dispatcher';
import { runLoad } from '../lib/load';
import { progress } from '../lib/log';
import { freePorts } from '../lib/ports';
import { distinctJsonRequests } from '../lib/requests';
import { filing } from './intake';
import { BenchContext, TimedScenario } from './types';

const MESSAGES = 1_000;
const DRAIN_TARGET_PER_S = 200;
const FILING_RATIO_TARGET = 0.9;
// Far beyond the running service's own dispatcher, which sends what is due now.
const FUTURE = new Date(Date.now() + 20 * 365 * 86_400_000);

/** An SMTP server that accepts and discards every message. */
async function startSink(port: number): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

function configFor(ctx: BenchContext, smtpPort: number, intervalMs: number) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: ctx.databaseUrl,
    JWT_SECRET: ctx.jwtSecret,
    RATE_LIMIT_PER_MINUTE: '1000000',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    COMPANY_NOTIFY_EMAIL: 'claims@company.example',
    MAIL_DISPATCH_INTERVAL_MS: String(intervalMs),
  });
}

/** 1,000 queued messages on one seeded case, due in the far future only this run looks at. */
async function seedQueue(db: Client): Promise<void> {
  await db.query(`UPDATE outbox_event SET mail_planned_at = now() WHERE mail_planned_at IS NULL`);
  await db.query(
    `WITH made AS (
       INSERT INTO ombudsman_case (reference, status, customer_name, customer_email, subject,
                                   description, category, language, access_token_hash)
       VALUES ('OMB-2098-000001', 'investigation', 'Mail Bench', 'mail.bench@example.org',
               'Mail bench', 'Seeded for the mail bench.', 'billing', 'ru', '\\x00'::bytea)
       RETURNING id)
     INSERT INTO mail_message (case_id, source_key, template, language, audience, recipient,
                               recipient_name, params, next_attempt_at)
     SELECT made.id, 'bench:' || i, 'decision_issued', (ARRAY['en','ru','zh'])[i % 3 + 1],
            'customer', 'mail.bench@example.org', 'Mail Bench',
            jsonb_build_object('reference', 'OMB-2098-000001', 'finding', 'upheld',
                               'dueAt', '2030-01-01T00:00:00Z'), $1
       FROM made, generate_series(1, $2::int) AS i`,
    [FUTURE, MESSAGES],
  );
}

async function measureDrain(ctx: BenchContext, db: Client, smtpPort: number): Promise<string> {
  const { app } = await createApp(configFor(ctx, smtpPort, 0));
  try {
    await seedQueue(db);
    const dispatcher = app.get(MailDispatcher);
    const started = process.hrtime.bigint();
    let sent = 0;
    for (;;) {
      const report = await dispatcher.dispatchOnce(FUTURE);
      sent += report.sent;
      if (report.attempted === 0) break;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rate = sent / seconds;
    return (
      `scenario=mail:drain messages=${sent} drain_s=${seconds.toFixed(2)} ` +
      `msgs_per_s=${rate.toFixed(0)} targets=msgs_per_s>=${DRAIN_TARGET_PER_S}:` +
      `${rate >= DRAIN_TARGET_PER_S ? 'met' : 'missed'}`
    );
  } finally {
    await app.close();
  }
}

async function filingRps(ctx: BenchContext, smtpPort: number, intervalMs: number) {
  const [port] = await freePorts(1);
  const { app } = await createApp(configFor(ctx, smtpPort, intervalMs));
  await app.listen({ port, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${port}`;
    const requests = distinctJsonRequests('POST', '/v1/escalations', filing);
    const definition = { method: 'POST' as const, path: '/v1/escalations', requests };
    await runLoad(url, definition, 50, 2);
    return await runLoad(url, definition, 50, Number(process.env.BENCH_SECONDS ?? 10));
  } finally {
    await app.close();
  }
}

/**
 * Mail (issue 15): 1,000 queued messages drained to a local SMTP sink, and filing throughput
 * with the mail dispatcher running (every filing queues messages, sent in the background) against
 * the same service with it off. Both filing runs use one in-process service, so the ratio
 * compares like with like.
 */
export const mail: TimedScenario = {
  name: 'mail',
  timed: true,
  async run(ctx: BenchContext): Promise<readonly string[]> {
    const [smtpPort] = await freePorts(1);
    const sink = await startSink(smtpPort);
    const db = new Client({ connectionString: ctx.databaseUrl });
    await db.connect();
    try {
      progress('mail: draining 1,000 queued messages');
      const drain = await measureDrain(ctx, db, smtpPort);
      progress('mail: filing with the mail dispatcher off, then on');
      const off = await filingRps(ctx, smtpPort, 0);
      const on = await filingRps(ctx, smtpPort, 200);
      const ratio = on.rps / off.rps;
      const [{ sent }] = (
        await db.query(`SELECT count(*)::int AS sent FROM mail_message WHERE status = 'sent'`)
      ).rows as { sent: number }[];
      return [
        drain,
        `scenario=mail:filing rps_mail_on=${on.rps.toFixed(0)} rps_mail_off=${off.rps.toFixed(0)} ` +
          `p95_ms_on=${on.p95.toFixed(1)} p95_ms_off=${off.p95.toFixed(1)} ` +
          `errors=${on.errors + off.errors} ratio=${ratio.toFixed(2)} messages_sent=${sent} ` +
          `targets=ratio>=${FILING_RATIO_TARGET}:${ratio >= FILING_RATIO_TARGET ? 'met' : 'missed'}`,
      ];
    } finally {
      await db.end();
      // The sink waits for its clients to hang up; a pooled connection left open must not hold the run.
      await Promise.race([
        new Promise<void>((resolve) => sink.close(() => resolve())),
        new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref()),
      ]);
    }
  },
};
