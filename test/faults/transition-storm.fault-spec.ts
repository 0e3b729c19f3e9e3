import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { JwtRole } from '../../src/auth/roles';
import {
  CASE_COMMANDS,
  CaseStatus,
  decideTransition,
  FILING_OUTCOMES,
  LIFECYCLE_ROLES,
  statusesFor,
} from '../../src/cases/case-lifecycle';
import { createTestDatabase } from '../support/database';
import { call, filing, Instance, staffToken, startInstance } from './support/instances';
import { reportFigures, setting } from './support/figures';

const ROOT = join(__dirname, '..', '..');
const CASES = setting('FAULT_STORM_CASES', 200);
const COMMANDS = setting('FAULT_STORM_COMMANDS', 20);
const CASES_AT_ONCE = 5;

jest.setTimeout(900_000);

/** Every (from → to) the lifecycle table allows, whatever the role and context. */
function lifecycleEdges(): Set<string> {
  const edges = new Set<string>();
  const contexts = [
    { finding: 'upheld' as const },
    { finding: 'partially_upheld' as const },
    { finding: 'not_upheld' as const },
    { settledByMediation: true },
  ];
  for (const command of CASE_COMMANDS)
    for (const from of statusesFor(command))
      for (const role of LIFECYCLE_ROLES)
        for (const context of contexts) {
          try {
            const decision = decideTransition(from, command, role, context);
            if (decision.ok) edges.add(`${from}>${decision.to}`);
          } catch {
            // a context this command cannot take
          }
        }
  return edges;
}

/** The example body of an operation in openapi.json. */
function example(method: string, path: string): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')) as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { example?: unknown }> } }>
    >;
  };
  const body = doc.paths[path]?.[method]?.requestBody?.content['application/json']?.example;
  return { ...(body as Record<string, unknown>) };
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
/** Mostly a role that may use the command, sometimes any role at all. */
const roleOf = (preferred: readonly JwtRole[], all: readonly JwtRole[]): JwtRole =>
  Math.random() < 0.7 ? pick(preferred) : pick(all);

describe('fault: a transition storm of random commands from every role', () => {
  let db: Client;
  let service: Instance;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    service = await startInstance({
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_PER_MINUTE: '1000000',
      CASE_TOKEN_FAILURES_PER_HOUR: '1000000',
    });
  });

  afterAll(async () => {
    await service?.terminate();
    await db?.end();
  });

  it('keeps every case history a path of the lifecycle table, pays no remedy twice, and the audit verifies', async () => {
    const tokens: Record<JwtRole, string> = {
      ombudsman_officer: staffToken('ombudsman_officer', 'olga'),
      ombudsman: staffToken('ombudsman', 'oscar'),
      auditor: staffToken('auditor', 'audrey'),
      frontline_agent: staffToken('frontline_agent', 'fred'),
      integration: staffToken('integration', 'crm'),
    };
    const staffRoles = Object.keys(tokens) as JwtRole[];
    const bodies = {
      proposal: example('post', '/v1/admin/cases/{reference}/proposals'),
      decision: example('post', '/v1/admin/cases/{reference}/decision'),
      litigation: example('post', '/v1/admin/cases/{reference}/litigation'),
      close: example('post', '/v1/admin/cases/{reference}/close'),
      fulfilment: example('post', '/v1/frontline/cases/{reference}/remedies/{remedyId}/fulfilment'),
    };
    const statuses: Record<string, number> = {};
    let errors5xx = 0;

    const stormOne = async (index: number) => {
      const filed = await call(service.base, 'POST', '/v1/escalations', { body: filing('storm') });
      expect(filed.status).toBe(201);
      const { reference, accessToken } = filed.body as { reference: string; accessToken: string };
      const admin = (path: string, role: JwtRole, body?: unknown) =>
        call(service.base, 'POST', `/v1/admin/cases/${reference}${path}`, {
          token: tokens[role],
          body,
        });
      // A quarter stays as filed; the others are taken to investigation, and some further.
      if (index % 4 > 0) {
        await admin('/triage', 'ombudsman_officer', { decision: 'accept', reason: 'Within time.' });
        await admin('/assign', 'ombudsman_officer', { officerId: 'olga' });
      }
      if (index % 4 === 2) await admin('/proposals', 'ombudsman_officer', bodies.proposal);
      if (index % 4 === 3)
        await admin('/decision', 'ombudsman', {
          ...bodies.decision,
          finding: pick(['upheld', 'partially_upheld']),
        });
      // Every eighth case is owed its remedies already: fulfilments race each other in the storm.
      if (index % 8 === 7)
        await call(service.base, 'POST', `/v1/escalations/${reference}/decision/accept`, {
          token: accessToken,
          body: {},
        });
      const ids = async () => {
        const [proposals, remedies] = await Promise.all([
          call(service.base, 'GET', `/v1/admin/cases/${reference}/proposals`, {
            token: tokens.auditor,
          }),
          call(service.base, 'GET', `/v1/admin/cases/${reference}/remedies`, {
            token: tokens.auditor,
          }),
        ]);
        const list = (body: unknown) =>
          (Array.isArray(body) ? body : ((body as { items?: unknown[] })?.items ?? [])) as {
            id: string;
          }[];
        return {
          proposals: list(proposals.body).map((p) => p.id),
          remedies: list(remedies.body).map((r) => r.id),
        };
      };
      const known = await ids();
      const proposal = () =>
        pick(
          known.proposals.length > 0 ? known.proposals : ['00000000-0000-4000-8000-000000000000'],
        );
      const remedy = () =>
        pick(known.remedies.length > 0 ? known.remedies : ['00000000-0000-4000-8000-000000000000']);
      const customer = (path: string, body: unknown = {}) =>
        call(service.base, 'POST', `/v1/escalations/${reference}${path}`, {
          token: accessToken,
          body,
        });
      const company = (path: string, role: JwtRole, body: unknown = {}) =>
        call(service.base, 'POST', `/v1/frontline/cases/${reference}${path}`, {
          token: tokens[role],
          body,
        });
      const office = (): JwtRole => roleOf(['ombudsman_officer', 'ombudsman'], staffRoles);
      const senior = (): JwtRole => roleOf(['ombudsman'], staffRoles);
      const front = (): JwtRole => roleOf(['frontline_agent', 'integration'], staffRoles);
      const commands = [
        () =>
          admin('/triage', office(), {
            decision: pick(['accept', 'refer_to_frontline', 'reject']),
            reason: 'Storm.',
          }),
        () => admin('/assign', office(), { officerId: 'olga' }),
        () => admin('/proposals', office(), bodies.proposal),
        () =>
          admin('/decision', senior(), {
            ...bodies.decision,
            finding: pick(['upheld', 'partially_upheld', 'not_upheld']),
          }),
        () => admin('/litigation', office(), bodies.litigation),
        () =>
          admin('/close', office(), {
            ...bodies.close,
            outcome: pick(['rejected', 'resolved_by_frontline']),
          }),
        () => customer('/withdraw', { reason: 'Storm.' }),
        () => customer(`/proposals/${proposal()}/${pick(['accept', 'reject'])}`),
        () => customer(`/decision/${pick(['accept', 'accept', 'reject'])}`),
        () => customer('/decision/accept'),
        () => company(`/proposals/${proposal()}/${pick(['accept', 'reject'])}`, front()),
        () => company(`/remedies/${remedy()}/fulfilment`, front(), bodies.fulfilment),
        () => company(`/remedies/${remedy()}/fulfilment`, front(), bodies.fulfilment),
      ];
      const answers = await Promise.all(Array.from({ length: COMMANDS }, () => pick(commands)()));
      for (const a of answers) {
        statuses[a.status] = (statuses[a.status] ?? 0) + 1;
        if (a.status >= 500 || a.status === 0) errors5xx += 1;
      }
    };

    for (let next = 0; next < CASES; next += CASES_AT_ONCE)
      await Promise.all(
        Array.from({ length: Math.min(CASES_AT_ONCE, CASES - next) }, (_, i) => stormOne(next + i)),
      );

    const edges = lifecycleEdges();
    const starts = new Set<string>(Object.values(FILING_OUTCOMES));
    const cases = (
      await db.query(`SELECT id, status FROM ombudsman_case WHERE subject LIKE 'storm %'`)
    ).rows as { id: string; status: CaseStatus }[];
    const changes = (
      await db.query(
        `SELECT case_id, data->>'from' AS "from", data->>'to' AS "to" FROM case_timeline_entry
          WHERE type = 'case.status_changed' ORDER BY id`,
      )
    ).rows as { case_id: string; from: string; to: string }[];
    const byCase = new Map<string, { from: string; to: string }[]>();
    for (const c of changes) byCase.set(c.case_id, [...(byCase.get(c.case_id) ?? []), c]);
    let invalid = 0;
    let transitions = 0;
    const finals: Record<string, number> = {};
    for (const c of cases) {
      const path = byCase.get(c.id) ?? [];
      transitions += path.length;
      let ok = path.length === 0 || starts.has(path[0].from);
      for (let i = 0; i < path.length; i += 1) {
        if (!edges.has(`${path[i].from}>${path[i].to}`)) ok = false;
        if (i > 0 && path[i - 1].to !== path[i].from) ok = false;
      }
      if (path.length > 0 && path[path.length - 1].to !== c.status) ok = false;
      if (!ok) invalid += 1;
      finals[c.status] = (finals[c.status] ?? 0) + 1;
    }
    const paidTwice = Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM (SELECT before->>'remedyId' FROM audit_entry WHERE action = 'remedy.fulfilled'
            GROUP BY 1 HAVING count(*) > 1) x`,
        )
      ).rows[0].n,
    );
    const paid = Number(
      (await db.query(`SELECT count(*) AS n FROM audit_entry WHERE action = 'remedy.fulfilled'`))
        .rows[0].n,
    );
    const verify = await call(service.base, 'GET', '/v1/admin/audit/verify', {
      token: tokens.auditor,
    });
    const auditValid = (verify.body as { valid?: boolean } | undefined)?.valid === true;

    reportFigures('transition-storm', {
      cases: cases.length,
      commands: CASES * COMMANDS,
      transitions,
      invalid_paths: invalid,
      remedies_paid: paid,
      paid_twice: paidTwice,
      errors_5xx: errors5xx,
      answers: Object.entries(statuses)
        .map(([s, n]) => `${s}:${n}`)
        .join(','),
      final: Object.entries(finals)
        .map(([s, n]) => `${s}:${n}`)
        .join(','),
      audit_valid: auditValid,
    });

    expect(cases.length).toBe(CASES);
    expect(invalid).toBe(0);
    expect(paidTwice).toBe(0);
    expect(errors5xx).toBe(0);
    expect(auditValid).toBe(true);
    expect(transitions).toBeGreaterThan(CASES);
  });
});
