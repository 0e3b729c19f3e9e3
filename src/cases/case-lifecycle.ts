/**
 * The case lifecycle (docs/architecture.md) as one table: where a case starts (`FILING_OUTCOMES`),
 * every command's allowed `from` statuses, and (status, command, role) → next status and outcome,
 * or a refusal. Services ask it before every change (`mayApply`, `requireCommand` in
 * case-lock.ts); nothing else decides.
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

/**
 * Where a case starts. Filing ends in one of these, by the eligibility facts known at intake
 * (src/cases/eligibility.ts decides which reason applies; this table says where each leads).
 */
export const FILING_OUTCOMES = {
  no_frontline_complaint: 'referred_to_frontline',
  frontline_deadline_running: 'referred_to_frontline',
  frontline_deadline_passed: 'submitted',
  frontline_final_response_given: 'submitted',
  out_of_time: 'rejected',
} as const satisfies Record<string, CaseStatus>;
export type FilingReason = keyof typeof FILING_OUTCOMES;
export type InitialStatus = (typeof FILING_OUTCOMES)[FilingReason];

/**
 * Commands on a case that leave its status as it is, and the statuses they need. They are checked
 * with `mayApply` like status changes, so no service writes a list of statuses by hand.
 */
const CASE_ACTIONS = {
  // A case may change hands until it closes; remedies owed still need someone to follow them.
  assign: { from: [...OPEN_STATUSES, 'settled', 'fulfilment'] },
  // The first proposal also starts mediation (start_mediation) when the case is in investigation.
  make_proposal: { from: ['investigation', 'mediation'] },
  answer_proposal: { from: ['mediation'] },
  revise_decision: { from: ['decision_issued'] },
  record_fulfilment: { from: ['fulfilment'] },
} as const satisfies Record<string, { readonly from: readonly CaseStatus[] }>;
export type CaseAction = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as readonly CaseAction[];

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

/** The statuses a command (a status change or an action on the case) may be applied in. */
export function statusesFor(command: CaseCommand | CaseAction): readonly CaseStatus[] {
  return command in CASE_ACTIONS
    ? CASE_ACTIONS[command as CaseAction].from
    : ruleFor(command as CaseCommand).from;
}

/** The pre-check every service uses before any other work: may this happen in this status? */
export function mayApply(status: CaseStatus, command: CaseCommand | CaseAction): boolean {
  return statusesFor(command).includes(status);
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
