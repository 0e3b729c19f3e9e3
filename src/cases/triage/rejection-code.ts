/**
 * Why a dispute was refused, as an ADR body reports it (EU ADR directive art. 5(4): out of time,
 * already before a court or another body, frivolous or vexatious, outside the body's remit). The
 * officer's free-text reason stays beside it. `out_of_time` is also what intake's automatic
 * rejection means (eligibility reason `out_of_time`), so both count in one figure.
 */
export const REJECTION_CODES = [
  'out_of_time',
  'already_in_court',
  'not_a_customer',
  'outside_remit',
  'frivolous_or_vexatious',
  'other',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** What a triage rejection that names no code is recorded as. */
export const DEFAULT_REJECTION_CODE: RejectionCode = 'other';
