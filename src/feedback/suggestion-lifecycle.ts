/**
 * A customer's improvement suggestion, followed until it comes true or is declined with a public
 * reason (right 2). Pure: the service asks `mayMove` before its conditional update.
 */
export const SUGGESTION_STATUSES = [
  'received',
  'under_review',
  'accepted',
  'implemented',
  'declined',
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

const NEXT: Record<SuggestionStatus, readonly SuggestionStatus[]> = {
  received: ['under_review', 'accepted', 'declined'],
  under_review: ['accepted', 'declined'],
  // An accepted suggestion may still prove impossible; it is then declined with a reason.
  accepted: ['implemented', 'declined'],
  implemented: [],
  declined: [],
};

export function mayMove(from: SuggestionStatus, to: SuggestionStatus): boolean {
  return NEXT[from].includes(to);
}

/** Accepted and implemented suggestions are corrective actions and sit in the register. */
export function inRegister(status: SuggestionStatus): boolean {
  return status === 'accepted' || status === 'implemented';
}
