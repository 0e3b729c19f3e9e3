import fc from 'fast-check';
import {
  CASE_STATUSES,
  CaseCommand,
  CaseStatus,
  decideTransition,
  LifecycleRole,
  TransitionContext,
} from '../src/cases/case-lifecycle';
import { investigatedCase, staff } from './support/cases';
import { FiledCase } from './support/filing';
import { APOLOGY, eur, REFUND, routes, sql } from './support/resolution';
import { startTestApp, TestApp } from './support/test-app';

const COMMANDS = [
  'propose',
  'proposeAboveLimit',
  'customerAccepts',
  'customerRejects',
  'companyAccepts',
  'companyRejects',
  'decideUpheld',
  'decideNotUpheld',
  'revise',
  'customerAcceptsDecision',
  'customerRejectsDecision',
  'fulfilOne',
  'withdraw',
  'litigation',
] as const;
type Command = (typeof COMMANDS)[number];

const CONTEXTS: TransitionContext[] = [
  {},
  { settledByMediation: true },
  { finding: 'upheld' },
  { finding: 'partially_upheld' },
  { finding: 'not_upheld' },
];

/** Every destination the table allows for this step under some context. */
function allowed(from: CaseStatus, command: CaseCommand, role: LifecycleRole): Set<string> {
  const to = new Set<string>();
  for (const context of CONTEXTS) {
    try {
      const decision = decideTransition(from, command, role, context);
      if (decision.ok) to.add(`${decision.to}/${decision.outcome}`);
    } catch {
      // complete_fulfilment without context refuses to guess; other contexts cover it.
    }
  }
  return to;
}

interface RemedyState {
  amount: string | null;
  currency: string | null;
  status: string;
}

const NEXT_REMEDY_STATUS: Record<string, string[]> = {
  proposed: ['proposed', 'due', 'superseded'],
  due: ['due', 'fulfilled'],
  fulfilled: ['fulfilled'],
  superseded: ['superseded'],
};

describe('random sequences of commands on a case', () => {
  let t: TestApp;
  let as: ReturnType<typeof staff>;
  let r: ReturnType<typeof routes>;
  beforeAll(async () => {
    t = await startTestApp();
    as = staff(t);
    r = routes(t);
  });
  afterAll(() => t.close());

  async function latestProposal(filed: FiledCase): Promise<string> {
    const list = await r.admin('get', filed.reference, '/proposals', as.auditor);
    const last = (list.body as { id: string }[]).at(-1);
    return last?.id ?? '00000000-0000-4000-8000-000000000000';
  }

  async function run(filed: FiledCase, command: Command): Promise<number> {
    const ref = filed.reference;
    const token = filed.accessToken;
    const decision = (finding: string) => ({
      finding,
      reasoning: 'Because.',
      remedies: finding === 'not_upheld' ? [] : [REFUND],
    });
    switch (command) {
      case 'propose':
        return (
          await r.admin('post', ref, '/proposals', as.officer, {
            terms: 'Offer',
            remedies: [REFUND, APOLOGY],
          })
        ).status;
      case 'proposeAboveLimit':
        return (
          await r.admin('post', ref, '/proposals', as.officer, {
            terms: 'Big offer',
            remedies: [eur(5000)],
          })
        ).status;
      case 'customerAccepts':
        return (await r.customer(ref, `/proposals/${await latestProposal(filed)}/accept`, token))
          .status;
      case 'customerRejects':
        return (await r.customer(ref, `/proposals/${await latestProposal(filed)}/reject`, token))
          .status;
      case 'companyAccepts':
        return (await r.company(ref, `/proposals/${await latestProposal(filed)}/accept`, as.agent))
          .status;
      case 'companyRejects':
        return (await r.company(ref, `/proposals/${await latestProposal(filed)}/reject`, as.agent))
          .status;
      case 'decideUpheld':
        return (await r.admin('post', ref, '/decision', as.ombudsman, decision('upheld'))).status;
      case 'decideNotUpheld':
        return (await r.admin('post', ref, '/decision', as.ombudsman, decision('not_upheld')))
          .status;
      case 'revise':
        return (
          await r.admin('post', ref, '/decision/revisions', as.ombudsman, {
            ...decision('partially_upheld'),
            reason: 'Correction',
          })
        ).status;
      case 'customerAcceptsDecision':
        return (await r.customer(ref, '/decision/accept', token)).status;
      case 'customerRejectsDecision':
        return (await r.customer(ref, '/decision/reject', token)).status;
      case 'fulfilOne': {
        const [due] = await sql<{ id: string }>(
          t,
          `SELECT r.id FROM remedy r JOIN ombudsman_case c ON c.id = r.case_id
            WHERE c.reference = $1 ORDER BY (r.status = 'due') DESC, r.created_at LIMIT 1`,
          [ref],
        );
        const id = due?.id ?? '00000000-0000-4000-8000-000000000000';
        return (
          await r.company(ref, `/remedies/${id}/fulfilment`, as.agent, {
            note: 'Done',
            fulfilledAt: new Date().toISOString(),
          })
        ).status;
      }
      case 'withdraw':
        return (await r.customer(ref, '/withdraw', token)).status;
      case 'litigation':
        return (await r.admin('post', ref, '/litigation', as.officer, { party: 'customer' }))
          .status;
    }
  }

  async function checkInvariants(filed: FiledCase, remedies: Map<string, RemedyState>) {
    const [c] = await sql<{ id: string; status: CaseStatus; outcome: string | null }>(
      t,
      'SELECT id, status, outcome FROM ombudsman_case WHERE reference = $1',
      [filed.reference],
    );
    expect(CASE_STATUSES).toContain(c.status);
    const steps = await sql<{ actor_role: LifecycleRole; data: Record<string, string> }>(
      t,
      `SELECT actor_role, data FROM case_timeline_entry
        WHERE case_id = $1 AND type = 'case.status_changed' ORDER BY id`,
      [c.id],
    );
    for (const { actor_role, data } of steps) {
      const destinations = allowed(
        data.from as CaseStatus,
        data.command as CaseCommand,
        actor_role,
      );
      expect(destinations).toContain(`${data.to}/${data.outcome}`);
    }
    if (steps.length > 0) expect(steps.at(-1)!.data.to).toBe(c.status);

    const rows = await sql<RemedyState & { id: string }>(
      t,
      `SELECT id, amount_minor::text AS amount, currency, status FROM remedy WHERE case_id = $1`,
      [c.id],
    );
    const now = new Map(rows.map((row) => [row.id, row]));
    for (const [id, before] of remedies) {
      const after = now.get(id);
      expect(after).toBeDefined();
      expect([after!.amount, after!.currency]).toEqual([before.amount, before.currency]);
      expect(NEXT_REMEDY_STATUS[before.status]).toContain(after!.status);
    }
    for (const row of rows) remedies.set(row.id, row);
    const due = rows.filter((row) => row.status === 'due').length;
    if (c.status === 'fulfilment') expect(due).toBeGreaterThan(0);
    if (c.status === 'closed' && ['settled', 'upheld', 'partially_upheld'].includes(c.outcome!)) {
      expect(due).toBe(0);
    }
    if (!['fulfilment', 'closed'].includes(c.status)) expect(due).toBe(0);
  }

  it('never leaves the lifecycle graph, never answers 500 and never loses a money record', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...COMMANDS), { minLength: 1, maxLength: 10 }),
        async (commands) => {
          const filed = await investigatedCase(t);
          const remedies = new Map<string, RemedyState>();
          for (const command of commands) {
            const status = await run(filed, command);
            expect([200, 201, 404, 409]).toContain(status);
            await checkInvariants(filed, remedies);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
