import { RemedyStatus } from './remedy-types';

/**
 * A remedy's states as one table: every command's `from` states and where it leads. The queries
 * that move a remedy take their states from here (`remedyStatesFor`, `remedyTarget`).
 */
export const REMEDY_TRANSITIONS = {
  /** Its proposal was settled or its decision accepted: the company owes it. */
  bind: { from: ['proposed'], to: 'due' },
  /** Its proposal or decision was replaced, refused, lapsed, or the case closed unanswered. */
  supersede: { from: ['proposed'], to: 'superseded' },
  /** The company recorded it as done. */
  fulfil: { from: ['due'], to: 'fulfilled' },
} as const satisfies Record<
  string,
  { readonly from: readonly RemedyStatus[]; readonly to: RemedyStatus }
>;
export type RemedyCommand = keyof typeof REMEDY_TRANSITIONS;
export const REMEDY_COMMANDS = Object.keys(REMEDY_TRANSITIONS) as readonly RemedyCommand[];

export function remedyStatesFor(command: RemedyCommand): readonly RemedyStatus[] {
  return REMEDY_TRANSITIONS[command].from;
}

export function remedyTarget(command: RemedyCommand): RemedyStatus {
  return REMEDY_TRANSITIONS[command].to;
}

/** The state after `command`, or null when the command does not apply in `state`. */
export function nextRemedyState(state: RemedyStatus, command: RemedyCommand): RemedyStatus | null {
  const { from, to } = REMEDY_TRANSITIONS[command];
  return (from as readonly RemedyStatus[]).includes(state) ? to : null;
}
