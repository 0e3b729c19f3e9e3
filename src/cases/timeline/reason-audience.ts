import { CaseCommand } from '../case-lifecycle';

/** Who may read the reason given for a status change, besides the office. */
export type ReasonAudience = 'everyone' | 'customer' | 'office';

/**
 * Everyone sees that a case changed status; the reason is another matter. The customer is told
 * the reasons that concern them (why their case was accepted, referred, rejected or closed, and
 * their own words when they withdraw or answer a decision), which often hold their personal
 * circumstances ("Customer was in hospital"). The company is a party, not the office's confidant:
 * it sees the status change and none of these reasons. The office's note on litigation is its own
 * record. Only the system's lapse text is for both parties.
 */
const REASON_AUDIENCE: Record<CaseCommand, ReasonAudience> = {
  refer_to_frontline: 'customer',
  accept: 'customer',
  reject: 'customer',
  accept_with_discretion: 'customer',
  close_rejected: 'customer',
  resolve_by_frontline: 'customer',
  start_investigation: 'customer',
  start_mediation: 'customer',
  settle: 'customer',
  issue_decision: 'customer',
  accept_decision: 'customer',
  reject_decision: 'customer',
  lapse_decision: 'everyone',
  begin_fulfilment: 'customer',
  complete_fulfilment: 'customer',
  withdraw: 'customer',
  notify_litigation: 'office',
};

export function reasonAudience(command: CaseCommand): ReasonAudience {
  return REASON_AUDIENCE[command];
}
