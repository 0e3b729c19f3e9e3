import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { Writable } from 'node:stream';
import { entryHash } from '../src/audit/audit-hash';
import { seedCases } from './seed-cases';
import { seedOutcomes } from './seed-outcomes';

/** Ten years of an office. */
export const OFFICE_SPAN_DAYS = 3650;

/**
 * Seeds an office of `cases` cases over ten years, in phases that each commit with their own
 * marker row in `seed_phase` (a table only seeded databases have): a second run skips what is
 * there, a run cut short redoes only the phase it was in.
 *
 * - cases: `seedCases` (set-based INSERT … SELECT inside PostgreSQL), topped up to `cases`;
 * - outcomes: `seedOutcomes` (closure times, acknowledgement deadlines, feedback, remedies);
 * - resolution: proposals, decisions and open deadlines, set-based;
 * - history: some ten timeline and ten audit entries per case, made here and sent with
 *   `COPY … FROM STDIN` on two connections at once; the audit entries form a valid hash chain per
 *   case (the same `entryHash` the service uses), so verification can be benched on them. The
 *   tables' indexes and foreign key are dropped for the load and rebuilt once in the same
 *   transaction (a failure leaves them as they were).
 */
export async function seedOffice(
  databaseUrl: string,
  cases: number,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS seed_phase (name text PRIMARY KEY, done_at timestamptz NOT NULL DEFAULT now())',
    );
    // A bulk load's WAL in few checkpoints (the bench's own throw-away cluster only).
    await client.query(`ALTER SYSTEM SET max_wal_size = '6GB'`);
    await client.query(`ALTER SYSTEM SET checkpoint_timeout = '30min'`);
    await client.query('SELECT pg_reload_conf()');
    const done = async (name: string) =>
      (await client.query('SELECT 1 FROM seed_phase WHERE name = $1', [name])).rowCount === 1;

    // The KPI triggers would append a delta per row of the bulk load; the aggregates are rebuilt
    // in one pass at the end instead (a run cut short leaves them off and rebuilds next time).
    if (!(await done('kpi'))) await setKpiTriggers(client, 'DISABLE');
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM ombudsman_case',
    );
    if (rows[0].n < cases) {
      await client.query(`DELETE FROM seed_phase WHERE name = 'kpi'`);
      await setKpiTriggers(client, 'DISABLE');
      await timedPhase(log, `cases (${cases - rows[0].n})`, () =>
        seedCases(
          databaseUrl,
          cases - rows[0].n,
          (n) => {
            if (n % 200_000 === 0) log(`  ${n} cases`);
          },
          OFFICE_SPAN_DAYS,
        ),
      );
    }
    if (!(await done('outcomes'))) {
      await timedPhase(log, 'outcomes', async () => {
        await seedOutcomes(databaseUrl);
        await client.query(
          `INSERT INTO seed_phase (name) VALUES ('outcomes') ON CONFLICT DO NOTHING`,
        );
      });
    }
    if (!(await done('resolution'))) {
      await timedPhase(log, 'resolution', () => seedResolution(databaseUrl));
    }
    const history = ['timeline', 'audit'];
    const missing: string[] = [];
    for (const name of history) if (!(await done(name))) missing.push(name);
    if (missing.length > 0) {
      await timedPhase(log, `history (${missing.join(', ')})`, () =>
        seedHistory(databaseUrl, new Set(missing), log),
      );
    }
    if (!(await done('kpi'))) {
      await timedPhase(log, 'KPI aggregates', async () => {
        await client.query('BEGIN');
        await client.query('SELECT kpi_rebuild()');
        await setKpiTriggers(client, 'ENABLE');
        await client.query(`INSERT INTO seed_phase (name) VALUES ('kpi')`);
        await client.query('COMMIT');
      });
    }
  } finally {
    await client.end();
  }
}

/** The triggers of migrations 1766500000000-maintain-kpi-aggregates and 1767500001000. */
const KPI_TRIGGERS = [
  ['ombudsman_case', 'tr_ombudsman_case_kpi'],
  ['case_feedback', 'tr_case_feedback_kpi'],
  ['case_deadline', 'tr_case_deadline_kpi'],
  ['remedy', 'tr_remedy_kpi_insert'],
  ['remedy', 'tr_remedy_kpi_update'],
  ['remedy', 'tr_remedy_kpi_delete'],
] as const;

async function setKpiTriggers(client: Client, how: 'ENABLE' | 'DISABLE'): Promise<void> {
  for (const [table, trigger] of KPI_TRIGGERS)
    await client.query(`ALTER TABLE ${table} ${how} TRIGGER ${trigger}`);
}

async function timedPhase(log: (line: string) => void, name: string, work: () => Promise<void>) {
  const started = Date.now();
  log(`seeding ${name}`);
  await work();
  log(`seeded ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Proposals (open on cases in mediation, accepted on settled ones), issued decisions on cases
 * decided, and the open deadlines of open cases: an outcome deadline on handled cases and a
 * front-line deadline on referred ones, those already past due marked breached (as the sweep
 * would have), so that the service finds nothing newly due when it starts.
 */
const RESOLUTION = [
  `INSERT INTO mediation_proposal (case_id, terms, status, expires_at, proposed_by, proposed_by_role,
                                   created_at, sent_at, closed_at, customer_answer, customer_answered_at,
                                   company_answer, company_answered_at, company_answered_by)
   SELECT id, 'Refund of the disputed amount within 28 days.',
          CASE WHEN status = 'mediation' THEN 'open' ELSE 'accepted' END,
          CASE WHEN status = 'mediation' THEN greatest(now(), created_at + interval '40 days') + interval '14 days' END,
          assigned_officer_id, 'ombudsman_officer', created_at + interval '20 days', created_at + interval '20 days',
          CASE WHEN status = 'mediation' THEN NULL ELSE created_at + interval '25 days' END,
          CASE WHEN status = 'mediation' THEN NULL ELSE 'accepted' END,
          CASE WHEN status = 'mediation' THEN NULL ELSE created_at + interval '24 days' END,
          CASE WHEN status = 'mediation' THEN NULL ELSE 'accepted' END,
          CASE WHEN status = 'mediation' THEN NULL ELSE created_at + interval '23 days' END,
          CASE WHEN status = 'mediation' THEN NULL ELSE 'company-contact' END
     FROM ombudsman_case
    WHERE assigned_officer_id IS NOT NULL
      AND (status IN ('mediation', 'settled') OR outcome = 'settled')`,
  `INSERT INTO case_decision (case_id, revision, status, finding, reasoning, drafted_by, drafted_by_name,
                              created_at, issued_by, issued_at, content_hash)
   SELECT id, 1, 'issued',
          CASE WHEN outcome IN ('upheld', 'partially_upheld', 'not_upheld') THEN outcome
               ELSE (ARRAY['upheld', 'partially_upheld', 'not_upheld'])[1 + floor(random() * 3)::int] END,
          'The company did not follow its own terms.', assigned_officer_id, assigned_officer_name,
          created_at + interval '30 days', assigned_officer_id, created_at + interval '31 days',
          encode(sha256(convert_to(id::text, 'UTF8')), 'hex')
     FROM ombudsman_case
    WHERE assigned_officer_id IS NOT NULL
      AND (status IN ('decision_issued', 'fulfilment') OR outcome IN ('upheld', 'partially_upheld', 'not_upheld'))`,
  `INSERT INTO case_deadline (case_id, case_created_at, kind, party, started_at, due_at, breached_at, at_risk_at)
   SELECT id, t.started_at, t.kind, t.party, t.started_at, t.due_at,
          CASE WHEN t.due_at <= now() THEN t.due_at END,
          CASE WHEN t.due_at - interval '2 days' <= now() THEN t.due_at - interval '2 days' END
     FROM (SELECT id,
                  CASE WHEN status = 'referred_to_frontline' THEN 'frontline_response' ELSE 'outcome' END AS kind,
                  CASE WHEN status = 'referred_to_frontline' THEN 'company' ELSE 'office' END AS party,
                  created_at AS started_at,
                  created_at + CASE WHEN status = 'referred_to_frontline' THEN interval '56 days'
                                    ELSE interval '90 days' END AS due_at
             FROM ombudsman_case
            WHERE status IN ('referred_to_frontline', 'accepted', 'investigation', 'mediation')) t`,
  `INSERT INTO seed_phase (name) VALUES ('resolution')`,
];

async function seedResolution(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const step of RESOLUTION) await client.query(step);
    await client.query('COMMIT');
    for (const table of ['mediation_proposal', 'case_decision', 'case_deadline'])
      await client.query(`VACUUM (ANALYZE) ${table}`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

interface SeededCase {
  readonly id: string;
  readonly createdAt: number;
  readonly status: string;
  readonly outcome: string | null;
  readonly language: string;
  readonly officer: string | null;
  readonly closedAt: number | null;
}

/** How far along the lifecycle each status is: the status changes its history holds. */
const PATH: Record<string, readonly string[]> = {
  submitted: [],
  referred_to_frontline: ['referred_to_frontline'],
  rejected: ['rejected'],
  accepted: ['accepted'],
  investigation: ['accepted', 'investigation'],
  mediation: ['accepted', 'investigation', 'mediation'],
  settled: ['accepted', 'investigation', 'mediation', 'settled'],
  decision_issued: ['accepted', 'investigation', 'decision_issued'],
  fulfilment: ['accepted', 'investigation', 'decision_issued', 'fulfilment'],
  closed: ['accepted', 'investigation', 'mediation', 'settled', 'closed'],
};

const MESSAGES: Record<string, readonly string[]> = {
  en: [
    'Could you send the receipt for the order?',
    'The company has answered; we are reviewing its reply.',
    'Thank you, the documents have arrived.',
  ],
  ru: [
    'Пришлите, пожалуйста, чек по заказу.',
    'Компания ответила, мы изучаем её ответ.',
    'Спасибо, документы получены.',
  ],
  zh: ['请提供订单的收据。', '公司已经答复，我们正在审查。', '谢谢，文件已收到。'],
};

interface Event {
  readonly type: string;
  readonly action: string;
  readonly actorSub: string;
  readonly actorRole: string;
  readonly body: string | null;
  readonly data: Record<string, unknown>;
  readonly customer: boolean;
  readonly company: boolean;
  readonly at: number;
}

/** Some ten events per case, in time order, from filing to where the case stands. */
function eventsOf(c: SeededCase, rand: () => number): Event[] {
  const officer = c.officer ?? 'officer-intake';
  const end = c.closedAt ?? Math.min(Date.now() - 60_000, c.createdAt + 120 * 86_400_000);
  const events: Event[] = [];
  const steps = PATH[c.status] ?? [];
  const messages = MESSAGES[c.language] ?? MESSAGES.en;
  const extra = 3 + Math.floor(rand() * (steps.length === 0 ? 2 : 6));
  const total = 2 + steps.length + extra + (c.officer ? 1 : 0);
  const span = Math.max(end - c.createdAt, total * 1000);
  let n = 0;
  const at = () => c.createdAt + Math.floor((span * n++) / total);
  events.push({
    type: 'case.submitted',
    action: 'case.submitted',
    actorSub: 'customer',
    actorRole: 'customer',
    body: null,
    data: { status: 'submitted' },
    customer: true,
    company: true,
    at: at(),
  });
  events.push({
    type: 'case.acknowledged',
    action: 'case.acknowledged',
    actorSub: 'system',
    actorRole: 'system',
    body: null,
    data: {},
    customer: true,
    company: false,
    at: at(),
  });
  if (c.officer)
    events.push({
      type: 'case.assigned',
      action: 'case.assigned',
      actorSub: 'lead-officer',
      actorRole: 'ombudsman_lead',
      body: null,
      data: { officerId: c.officer },
      customer: false,
      company: false,
      at: at(),
    });
  let from = 'submitted';
  const half = Math.ceil(extra / 2);
  steps.forEach((to, index) => {
    events.push({
      type: 'case.status_changed',
      action: 'case.status_changed',
      actorSub: officer,
      actorRole: 'ombudsman_officer',
      body: null,
      data: to === 'closed' ? { from, to, outcome: c.outcome } : { from, to },
      customer: true,
      company: true,
      at: at(),
    });
    from = to;
    if (index === 0)
      for (let i = 0; i < half; i += 1) events.push(message(c, officer, messages, i, at()));
  });
  for (let i = steps.length === 0 ? 0 : half; i < extra; i += 1)
    events.push(
      i % 3 === 2
        ? {
            type: 'note.internal',
            action: 'note.added',
            actorSub: officer,
            actorRole: 'ombudsman_officer',
            body: 'Checked the contract terms.',
            data: {},
            customer: false,
            company: false,
            at: at(),
          }
        : message(c, officer, messages, i, at()),
    );
  return events.sort((a, b) => a.at - b.at);
}

function message(c: SeededCase, officer: string, texts: readonly string[], i: number, at: number) {
  const fromCustomer = i % 2 === 1;
  return {
    type: 'message.posted',
    action: 'message.posted',
    actorSub: fromCustomer ? 'customer' : officer,
    actorRole: fromCustomer ? 'customer' : 'ombudsman_officer',
    body: texts[i % texts.length],
    data: {},
    customer: true,
    company: !fromCustomer,
    at,
  } satisfies Event;
}

/** COPY text format: backslash, tab, newline and carriage return escaped; `\N` is NULL. */
function field(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  );
}

/** A small deterministic generator, so that a re-run makes the same history. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

interface Loader {
  readonly client: Client;
  readonly stream: Writable;
  readonly restore: readonly string[];
  buffer: string[];
}

const TIMELINE_DROPS = {
  table: 'case_timeline_entry',
  constraints: ['pk_case_timeline_entry'],
};
/**
 * Dropping a foreign key locks the table it references, so a loading transaction that dropped it
 * would keep the case reader of the same load waiting forever. It is dropped on its own first and
 * added back, from this definition, when the timeline's load commits (a run cut short in between
 * adds it back on the next run).
 */
const TIMELINE_CASE_FK =
  'ALTER TABLE case_timeline_entry ADD CONSTRAINT fk_case_timeline_entry_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id)';
const AUDIT_DROPS = {
  table: 'audit_entry',
  constraints: ['uq_audit_entry_chain_seq', 'pk_audit_entry'],
};

/** Opens a transaction that drops a table's indexes and keys and starts a COPY into it. */
async function openLoader(
  databaseUrl: string,
  drops: { table: string; constraints: readonly string[] },
  copySql: string,
  restoreLast: readonly string[] = [],
): Promise<Loader> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
  await client.query(`SET LOCAL synchronous_commit = off`);
  const restore: string[] = [];
  const { rows: constraints } = await client.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = $1::regclass AND conname = ANY($2)`,
    [drops.table, drops.constraints],
  );
  // The foreign key goes first (it depends on nothing here); it comes back last.
  for (const c of constraints) {
    await client.query(`ALTER TABLE ${drops.table} DROP CONSTRAINT ${c.name}`);
  }
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = $1`,
    [drops.table],
  );
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  for (const index of indexes) restore.push(index.definition);
  for (const c of [...constraints].reverse())
    restore.push(`ALTER TABLE ${drops.table} ADD CONSTRAINT ${c.name} ${c.definition}`);
  restore.push(...restoreLast);
  const stream = client.query(copyFrom(copySql));
  return { client, stream, restore, buffer: [] };
}

async function flush(loader: Loader): Promise<void> {
  if (loader.buffer.length === 0) return;
  const chunk = loader.buffer.join('');
  loader.buffer = [];
  if (!loader.stream.write(chunk))
    await new Promise<void>((resolve) => loader.stream.once('drain', resolve));
}

async function finish(loader: Loader, phase: string, log: (line: string) => void): Promise<void> {
  await flush(loader);
  await new Promise<void>((resolve, reject) => {
    loader.stream.once('finish', resolve);
    loader.stream.once('error', reject);
    loader.stream.end();
  });
  log(`  ${phase}: copied, rebuilding indexes`);
  for (const sql of loader.restore) await loader.client.query(sql);
  await loader.client.query('INSERT INTO seed_phase (name) VALUES ($1)', [phase]);
  await loader.client.query('COMMIT');
  await loader.client.query(
    `VACUUM (ANALYZE) ${phase === 'audit' ? 'audit_entry' : 'case_timeline_entry'}`,
  );
  await loader.client.end();
}

async function dropTimelineCaseKey(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      'ALTER TABLE case_timeline_entry DROP CONSTRAINT IF EXISTS fk_case_timeline_entry_case',
    );
  } finally {
    await client.end();
  }
}

/** Streams every case once (COPY … TO STDOUT) and writes its timeline and audit chain. */
async function seedHistory(
  databaseUrl: string,
  phases: ReadonlySet<string>,
  log: (line: string) => void,
): Promise<void> {
  if (phases.has('timeline')) await dropTimelineCaseKey(databaseUrl);
  const timeline = phases.has('timeline')
    ? await openLoader(
        databaseUrl,
        TIMELINE_DROPS,
        `COPY case_timeline_entry (case_id, type, actor_sub, actor_role, body, data,
           visible_to_customer, visible_to_company, occurred_at) FROM STDIN`,
        [TIMELINE_CASE_FK],
      )
    : null;
  const audit = phases.has('audit')
    ? await openLoader(
        databaseUrl,
        AUDIT_DROPS,
        `COPY audit_entry (chain_key, seq, actor_sub, actor_role, action, before, after,
           occurred_at, prev_hash, hash) FROM STDIN`,
      )
    : null;
  const reader = new Client({ connectionString: databaseUrl });
  await reader.connect();
  try {
    const source = reader.query(
      copyTo(`COPY (SELECT id, (extract(epoch FROM created_at) * 1000)::bigint, status, outcome,
                   language, assigned_officer_id, (extract(epoch FROM closed_at) * 1000)::bigint
              FROM ombudsman_case) TO STDOUT`),
    );
    let rest = '';
    let count = 0;
    const rand = generator(17);
    const handle = (line: string) => {
      const [id, created, status, outcome, language, officer, closed] = line.split('\t');
      const seeded: SeededCase = {
        id,
        createdAt: Number(created),
        status,
        outcome: outcome === '\\N' ? null : outcome,
        language,
        officer: officer === '\\N' ? null : officer,
        closedAt: closed === '\\N' ? null : Number(closed),
      };
      const events = eventsOf(seeded, rand);
      let prev: string | null = null;
      let prevStatus = 'submitted';
      events.forEach((e, index) => {
        const occurredAt = new Date(e.at);
        const iso = occurredAt.toISOString();
        if (timeline)
          timeline.buffer.push(
            `${id}\t${e.type}\t${field(e.actorSub)}\t${e.actorRole}\t${field(e.body)}\t${field(
              JSON.stringify(e.data),
            )}\t${e.customer ? 't' : 'f'}\t${e.company ? 't' : 'f'}\t${iso}\n`,
          );
        if (audit) {
          const to = e.data.to as string | undefined;
          const before = to ? { status: prevStatus } : null;
          const after = to ? { status: to } : index === 0 ? { status: 'submitted' } : e.data;
          if (to) prevStatus = to;
          const entry = {
            chainKey: id,
            seq: index + 1,
            actorSub: e.actorSub,
            actorRole: e.actorRole,
            action: e.action,
            before,
            after,
            occurredAt,
            prevHash: prev,
          };
          const hash = entryHash(entry);
          audit.buffer.push(
            `${id}\t${index + 1}\t${field(e.actorSub)}\t${e.actorRole}\t${e.action}\t${
              before === null ? '\\N' : field(JSON.stringify(before))
            }\t${field(JSON.stringify(after))}\t${iso}\t${prev ?? '\\N'}\t${hash}\n`,
          );
          prev = hash;
        }
      });
    };
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const text = rest + chunk.toString('utf8');
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        handle(line);
        count += 1;
        if (count % 1000 === 0) {
          if (timeline) await flush(timeline);
          if (audit) await flush(audit);
        }
        if (count % 200_000 === 0) log(`  history of ${count} cases`);
      }
    }
    if (rest !== '') handle(rest);
    await Promise.all([
      timeline ? finish(timeline, 'timeline', log) : undefined,
      audit ? finish(audit, 'audit', log) : undefined,
    ]);
  } catch (error) {
    for (const loader of [timeline, audit]) {
      if (!loader) continue;
      loader.stream.destroy();
      await loader.client.end().catch(() => undefined);
    }
    throw error;
  } finally {
    await reader.end();
  }
}
