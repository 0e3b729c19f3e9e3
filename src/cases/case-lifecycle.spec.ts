import fc from 'fast-check';
import {
  CASE_COMMANDS,
  CASE_STATUSES,
  CaseCommand,
  CaseOutcome,
  CaseStatus,
  LIFECYCLE_ROLES,
  LifecycleRole,
  FILING_OUTCOMES,
  OPEN_STATUSES,
  TransitionContext,
  allowedCommands,
  decideTransition,
  isOpen,
  mayApply,
  mayUseCommand,
  statusesFor,
} from './case-lifecycle';

// Written out from the diagram in docs/architecture.md without looking at the table, so a slip in
// either shows up here.
const STAFF: LifecycleRole[] = ['ombudsman_officer', 'ombudsman'];
const TRIAGE: LifecycleRole[] = ['ombudsman_officer', 'ombudsman', 'system'];
const OPEN: CaseStatus[] = [
  'submitted',
  'referred_to_frontline',
  'accepted',
  'investigation',
  'mediation',
  'decision_issued',
];

type Edge = [CaseStatus, CaseCommand, CaseStatus, CaseOutcome | null];

// With the context used below: an upheld decision, not settled by mediation.
const CONTEXT: TransitionContext = { finding: 'upheld', settledByMediation: false };
const EDGES: Edge[] = [
  ['submitted', 'refer_to_frontline', 'referred_to_frontline', null],
  ['submitted', 'accept', 'accepted', null],
  ['referred_to_frontline', 'accept', 'accepted', null],
  ['submitted', 'reject', 'rejected', null],
  ['submitted', 'accept_with_discretion', 'accepted', null],
  ['rejected', 'accept_with_discretion', 'accepted', null],
  ['rejected', 'close_rejected', 'closed', 'rejected'],
  ['referred_to_frontline', 'resolve_by_frontline', 'closed', 'resolved_by_frontline'],
  ['accepted', 'start_investigation', 'investigation', null],
  ['investigation', 'start_mediation', 'mediation', null],
  ['mediation', 'settle', 'settled', null],
  ['investigation', 'issue_decision', 'decision_issued', null],
  ['mediation', 'issue_decision', 'decision_issued', null],
  ['decision_issued', 'accept_decision', 'fulfilment', null],
  ['decision_issued', 'reject_decision', 'closed', 'not_accepted'],
  ['decision_issued', 'lapse_decision', 'closed', 'lapsed'],
  ['settled', 'begin_fulfilment', 'fulfilment', null],
  ['fulfilment', 'complete_fulfilment', 'closed', 'upheld'],
  ...OPEN.map((s): Edge => [s, 'withdraw', 'closed', 'withdrawn']),
  ...OPEN.map((s): Edge => [s, 'notify_litigation', 'closed', 'litigation']),
];

const ROLES: Record<CaseCommand, LifecycleRole[]> = {
  refer_to_frontline: TRIAGE,
  accept: TRIAGE,
  reject: TRIAGE,
  accept_with_discretion: ['ombudsman'],
  close_rejected: TRIAGE,
  resolve_by_frontline: TRIAGE,
  start_investigation: STAFF,
  start_mediation: STAFF,
  settle: ['system'],
  issue_decision: ['ombudsman'],
  accept_decision: ['customer'],
  reject_decision: ['customer'],
  lapse_decision: ['system'],
  begin_fulfilment: ['system'],
  complete_fulfilment: ['system', 'ombudsman_officer', 'ombudsman'],
  withdraw: ['customer'],
  notify_litigation: STAFF,
};

function expected(status: CaseStatus, command: CaseCommand, role: LifecycleRole): unknown {
  if (!ROLES[command].includes(role)) return { ok: false, reason: 'forbidden_role' };
  const edge = EDGES.find(([from, c]) => from === status && c === command);
  if (!edge) return { ok: false, reason: 'invalid_transition' };
  return { ok: true, to: edge[2], outcome: edge[3] };
}

const cells = CASE_STATUSES.flatMap((status) =>
  CASE_COMMANDS.flatMap((command) =>
    LIFECYCLE_ROLES.map((role) => [status, command, role] as const),
  ),
);

describe('the transition table', () => {
  it('has the statuses, commands and roles of the design', () => {
    expect(CASE_COMMANDS).toHaveLength(Object.keys(ROLES).length);
    expect([...OPEN_STATUSES].sort()).toEqual([...OPEN].sort());
    expect(cells).toHaveLength(10 * 17 * 7);
  });

  it.each(cells)('answers %s × %s × %s as the design says', (status, command, role) => {
    expect(decideTransition(status, command, role, CONTEXT)).toEqual(
      expected(status, command, role),
    );
  });

  it('lists as allowed exactly the commands that would succeed', () => {
    for (const status of CASE_STATUSES) {
      for (const role of LIFECYCLE_ROLES) {
        const succeeding = CASE_COMMANDS.filter(
          (command) => decideTransition(status, command, role, CONTEXT).ok,
        );
        expect(allowedCommands(status, role)).toEqual(succeeding);
      }
    }
  });

  it('tells whether a role may ever use a command, whatever the status', () => {
    for (const command of CASE_COMMANDS) {
      for (const role of LIFECYCLE_ROLES) {
        expect(mayUseCommand(role, command)).toBe(ROLES[command].includes(role));
      }
    }
  });
});

describe('specific rules', () => {
  it('closes the case as not upheld when the customer accepts a not-upheld decision', () => {
    expect(
      decideTransition('decision_issued', 'accept_decision', 'customer', { finding: 'not_upheld' }),
    ).toEqual({ ok: true, to: 'closed', outcome: 'not_upheld' });
  });

  it('moves an accepted partially upheld decision into fulfilment', () => {
    expect(
      decideTransition('decision_issued', 'accept_decision', 'customer', {
        finding: 'partially_upheld',
      }),
    ).toEqual({ ok: true, to: 'fulfilment', outcome: null });
  });

  it('closes fulfilment of a settlement as settled, and of a decision with its finding', () => {
    const complete = (context: TransitionContext): unknown =>
      decideTransition('fulfilment', 'complete_fulfilment', 'system', context);
    expect(complete({ settledByMediation: true })).toEqual({
      ok: true,
      to: 'closed',
      outcome: 'settled',
    });
    expect(complete({ finding: 'partially_upheld' })).toEqual({
      ok: true,
      to: 'closed',
      outcome: 'partially_upheld',
    });
  });

  it('refuses to guess the outcome of a fulfilment with neither a settlement nor an upheld finding', () => {
    expect(() => decideTransition('fulfilment', 'complete_fulfilment', 'system')).toThrow(
      TypeError,
    );
    expect(() =>
      decideTransition('fulfilment', 'complete_fulfilment', 'system', { finding: 'not_upheld' }),
    ).toThrow(TypeError);
  });

  it('does not let the customer withdraw once remedies are owed', () => {
    for (const status of ['settled', 'fulfilment'] as const) {
      expect(decideTransition(status, 'withdraw', 'customer')).toEqual({
        ok: false,
        reason: 'invalid_transition',
      });
    }
  });

  it('does not let a rejected case be withdrawn or taken to litigation, only closed or taken by an ombudsman', () => {
    expect(decideTransition('rejected', 'withdraw', 'customer').ok).toBe(false);
    expect(decideTransition('rejected', 'notify_litigation', 'ombudsman').ok).toBe(false);
    expect([...allowedCommands('rejected', 'ombudsman')].sort()).toEqual([
      'accept_with_discretion',
      'close_rejected',
    ]);
    expect(allowedCommands('rejected', 'ombudsman_officer')).toEqual(['close_rejected']);
    expect(isOpen('rejected')).toBe(false);
  });

  it('forbids the auditor and the front line every command, whatever the status', () => {
    for (const role of ['auditor', 'frontline_agent', 'integration'] as const) {
      for (const status of CASE_STATUSES) {
        for (const command of CASE_COMMANDS) {
          expect(decideTransition(status, command, role)).toEqual({
            ok: false,
            reason: 'forbidden_role',
          });
        }
      }
    }
  });

  it('lets only the ombudsman issue a decision, not an officer', () => {
    expect(decideTransition('investigation', 'issue_decision', 'ombudsman').ok).toBe(true);
    expect(decideTransition('investigation', 'issue_decision', 'ombudsman_officer')).toEqual({
      ok: false,
      reason: 'forbidden_role',
    });
  });

  it('accepts nothing once a case is closed', () => {
    for (const role of LIFECYCLE_ROLES) expect(allowedCommands('closed', role)).toEqual([]);
  });
});

describe('where a case starts and what needs which status', () => {
  it('starts a case only where the diagram does: submitted, at the front line, or refused', () => {
    expect(new Set(Object.values(FILING_OUTCOMES))).toEqual(
      new Set(['submitted', 'referred_to_frontline', 'rejected']),
    );
  });

  it('answers the pre-check of a status change from the same table as the transition', () => {
    for (const command of CASE_COMMANDS) {
      for (const status of CASE_STATUSES) {
        const decided = decideTransition(status, command, 'system', CONTEXT);
        const anyRole = LIFECYCLE_ROLES.some(
          (role) => decideTransition(status, command, role, CONTEXT).ok,
        );
        expect({ command, status, pre: mayApply(status, command) }).toEqual({
          command,
          status,
          pre: decided.ok || anyRole,
        });
      }
    }
  });

  it.each([
    ['assign', [...OPEN, 'settled', 'fulfilment']],
    ['make_proposal', ['investigation', 'mediation']],
    ['answer_proposal', ['mediation']],
    ['revise_decision', ['decision_issued']],
    ['record_fulfilment', ['fulfilment']],
  ] as const)('lets %s happen only in %j', (action, statuses) => {
    expect([...statusesFor(action)].sort()).toEqual([...statuses].sort());
  });
});

describe('random histories', () => {
  // Half the steps pick a legal move so that histories get deep; the rest are arbitrary noise.
  const step = fc.record({
    command: fc.constantFrom(...CASE_COMMANDS),
    role: fc.constantFrom(...LIFECYCLE_ROLES),
    legalMove: fc.option(fc.nat(), { freq: 2 }),
  });
  const finding = fc.constantFrom('upheld', 'partially_upheld', 'not_upheld' as const);

  function legalMoves(status: CaseStatus): [CaseCommand, LifecycleRole][] {
    return LIFECYCLE_ROLES.flatMap((role) =>
      allowedCommands(status, role).map((command): [CaseCommand, LifecycleRole] => [command, role]),
    );
  }

  it('only reach known statuses from submitted, and a closed case stays closed', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), finding, (steps, decisionFinding) => {
        let status: CaseStatus = 'submitted';
        let settledByMediation = false;
        let closed = false;
        for (const { command, role, legalMove } of steps) {
          const moves = legalMoves(status);
          const [c, r] =
            legalMove !== null && moves.length > 0
              ? moves[legalMove % moves.length]
              : [command, role];
          const context = { finding: decisionFinding, settledByMediation };
          const decision = decideTransition(status, c, r, context);
          if (!decision.ok) continue;
          expect(closed).toBe(false);
          if (decision.to === 'settled') settledByMediation = true;
          status = decision.to;
          expect(CASE_STATUSES).toContain(status);
          expect(decision.outcome !== null).toBe(status === 'closed');
          closed = status === 'closed';
        }
        if (closed) expect(legalMoves(status)).toEqual([]);
      }),
    );
  });
});
