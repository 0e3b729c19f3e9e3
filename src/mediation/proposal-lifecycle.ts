/**
 * A proposal's states as one table: every command's `from` states and where it leads. The
 * queries that move a proposal take their states from here (`proposalStatesFor`, `proposalTarget`).
 * An answer from one party leaves the proposal `open`; the second acceptance makes it `accepted`.
 */
export const PROPOSAL_STATES = [
  'awaiting_approval',
  'open',
  'accepted',
  'rejected',
  'expired',
  'superseded',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_TRANSITIONS = {
  /** Every approval its remedies needed is in: the parties see it. */
  send: { from: ['awaiting_approval'], to: 'open' },
  /** One party answers; the proposal stays open for the other. */
  answer: { from: ['open'], to: 'open' },
  /** Both parties accepted. */
  accept: { from: ['open'], to: 'accepted' },
  /** Either party refused. */
  reject: { from: ['open'], to: 'rejected' },
  /** Its time ran out unanswered. */
  expire: { from: ['open'], to: 'expired' },
  /** A newer proposal or a decision replaced it before anyone could answer. */
  supersede: { from: ['awaiting_approval', 'open'], to: 'superseded' },
} as const satisfies Record<
  string,
  { readonly from: readonly ProposalState[]; readonly to: ProposalState }
>;
export type ProposalCommand = keyof typeof PROPOSAL_TRANSITIONS;
export const PROPOSAL_COMMANDS = Object.keys(PROPOSAL_TRANSITIONS) as readonly ProposalCommand[];

export function proposalStatesFor(command: ProposalCommand): readonly ProposalState[] {
  return PROPOSAL_TRANSITIONS[command].from;
}

export function proposalTarget(command: ProposalCommand): ProposalState {
  return PROPOSAL_TRANSITIONS[command].to;
}

/** The state after `command`, or null when the command does not apply in `state`. */
export function nextProposalState(
  state: ProposalState,
  command: ProposalCommand,
): ProposalState | null {
  const { from, to } = PROPOSAL_TRANSITIONS[command];
  return (from as readonly ProposalState[]).includes(state) ? to : null;
}

/** Nothing moves a proposal out of these. */
export function isFinalProposalState(state: ProposalState): boolean {
  return PROPOSAL_COMMANDS.every((command) => nextProposalState(state, command) === null);
}
