/**
 * The case lifecycle (docs/architecture.md) as one transition table: (status, command, role) → next status
 * and outcome, or a refusal. Services ask it before every status change; nothing else decides.
 */
export const CASE_STATUSES = [
  'submitted',
  'referred_to_frontline',
  'rejected',
  'accepted',
  'investigation',
  'mediation',
  'settled',
  'decision_issued',
  'fulfilment',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Withdrawal and litigation are possible only here; `rejected` just waits to be closed. */
export const OPEN_STATUSES = [
  'submitted',
  'referred_to_frontline',
  'accepted',
  'investigation',
  'mediation',
  'decision_issued',
] as const satisfies readonly CaseStatus[];

export const CASE_OUTCOMES = [
  'resolved_by_frontline',
  'rejected',
  'withdrawn',
  'litigation',
  'settled',
  'upheld',
  'partially_upheld',
  'not_upheld',
  'not_accepted',
  'lapsed',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const LIFECYCLE_ROLES = [
  'customer',
  'frontline_agent',
  'integration',
  'ombudsman_officer',
  'ombudsman',
  'auditor',
  'system',
] as const;
export type LifecycleRole = (typeof LIFECYCLE_ROLES)[number];

export type Finding = 'upheld' | 'partially_upheld' | 'not_upheld';

/** What the table cannot know from the status alone. */
export interface TransitionContext {
  readonly finding?: Finding;
  readonly settledByMediation?: boolean;
}

interface Destination {
  readonly to: CaseStatus;
  readonly outcome: CaseOutcome | null;
}

interface CommandRule {
  readonly from: readonly CaseStatus[];
  readonly roles: readonly LifecycleRole[];
  readonly to: Destination | ((context: TransitionContext) => Destination);
}

const STAFF = ['ombudsman_officer', 'ombudsman'] as const;
const STAFF_OR_SYSTEM = [...STAFF, 'system'] as const;

const closedAs = (outcome: CaseOutcome): Destination => ({ to: 'closed', outcome });
const moveTo = (to: CaseStatus): Destination => ({ to, outcome: null });

const CASE_TRANSITIONS = {
  refer_to_frontline: {
    from: ['submitted'],
    roles: STAFF_OR_SYSTEM,
    to: moveTo('referred_to_frontline'),
  },
  accept: {
    from: ['submitted', 'referred_to_frontline'],
    roles: STAFF_OR_SYSTEM,
    to: moveTo('accepted'),
  },
  reject: { from: ['submitted'], roles: STAFF_OR_SYSTEM, to: moveTo('rejected') },
  // Out of time is not the end: a senior ombudsman may still take the case, and it is recorded.
  accept_with_discretion: {
    from: ['submitted', 'rejected'],
    roles: ['ombudsman'],
    to: moveTo('accepted'),
  },
  close_rejected: { from: ['rejected'], roles: STAFF_OR_SYSTEM, to: closedAs('rejected') },
  resolve_by_frontline: {
    from: ['referred_to_frontline'],
    roles: STAFF_OR_SYSTEM,
    to: closedAs('resolved_by_frontline'),
  },
  start_investigation: { from: ['accepted'], roles: STAFF, to: moveTo('investigation') },
  start_mediation: { from: ['investigation'], roles: STAFF, to: moveTo('mediation') },
  // Nobody settles by hand: it follows when both parties have accepted one proposal.
  settle: { from: ['mediation'], roles: ['system'], to: moveTo('settled') },
  issue_decision: {
    from: ['investigation', 'mediation'],
    roles: ['ombudsman'],
    to: moveTo('decision_issued'),
  },
  // A not-upheld decision owes no remedies, so accepting it ends the case.
  accept_decision: {
    from: ['decision_issued'],
    roles: ['customer'],
    to: ({ finding }) => (finding === 'not_upheld' ? closedAs('not_upheld') : moveTo('fulfilment')),
  },
  reject_decision: { from: ['decision_issued'], roles: ['customer'], to: closedAs('not_accepted') },
  lapse_decision: { from: ['decision_issued'], roles: ['system'], to: closedAs('lapsed') },
  begin_fulfilment: { from: ['settled'], roles: ['system'], to: moveTo('fulfilment') },
  complete_fulfilment: {
    from: ['fulfilment'],
    roles: ['system', ...STAFF],
    to: ({ settledByMediation, finding }) => {
      if (settledByMediation) return closedAs('settled');
      if (finding === 'upheld' || finding === 'partially_upheld') return closedAs(finding);
      // Fulfilment is reached only through a settlement or an upheld decision; anything else is
      // corrupt data or a caller that forgot the context, and must not close the case silently.
      throw new TypeError(
        'complete_fulfilment needs settledByMediation or an upheld / partially_upheld finding',
      );
    },
  },
  withdraw: { from: OPEN_STATUSES, roles: ['customer'], to: closedAs('withdrawn') },
  notify_litigation: { from: OPEN_STATUSES, roles: STAFF, to: closedAs('litigation') },
} as const satisfies Record<string, CommandRule>;

export type CaseCommand = keyof typeof CASE_TRANSITIONS;
export const CASE_COMMANDS = Object.keys(CASE_TRANSITIONS) as readonly CaseCommand[];

export type TransitionDecision =
  | { readonly ok: true; readonly to: CaseStatus; readonly outcome: CaseOutcome | null }
  | { readonly ok: false; readonly reason: 'forbidden_role' | 'invalid_transition' };

function ruleFor(command: CaseCommand): CommandRule {
  return CASE_TRANSITIONS[command];
}

/** Whether the role may use the command at all, whatever the status (403 rather than 409). */
export function mayUseCommand(role: LifecycleRole, command: CaseCommand): boolean {
  return ruleFor(command).roles.includes(role);
}

/**
 * The role is checked before the status, so a role that may never use a command learns nothing
 * about the case's state from the refusal.
 */
export function decideTransition(
  status: CaseStatus,
  command: CaseCommand,
  role: LifecycleRole,
  context: TransitionContext = {},
): TransitionDecision {
  const rule = ruleFor(command);
  if (!rule.roles.includes(role)) return { ok: false, reason: 'forbidden_role' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'invalid_transition' };
  const destination = typeof rule.to === 'function' ? rule.to(context) : rule.to;
  return { ok: true, ...destination };
}

/** The commands the role could apply to a case in this status, e.g. to show the right buttons. */
export function allowedCommands(status: CaseStatus, role: LifecycleRole): CaseCommand[] {
  return CASE_COMMANDS.filter((command) => {
    const rule = ruleFor(command);
    return rule.roles.includes(role) && rule.from.includes(status);
  });
}

export function isOpen(status: CaseStatus): boolean {
  return (OPEN_STATUSES as readonly CaseStatus[]).includes(status);
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

export function isCaseOutcome(value: unknown): value is CaseOutcome {
  return typeof value === 'string' && (CASE_OUTCOMES as readonly string[]).includes(value);
}
