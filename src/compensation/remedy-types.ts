/** The remedies an ombudsman may propose or award; the monetary ones carry money, the others a description. */
export const REMEDY_TYPES = [
  'refund',
  'goodwill_payment',
  'distress_compensation',
  'service_credit',
  'repair_or_replacement',
  'apology',
  'corrective_action',
  'other',
] as const;
export type RemedyType = (typeof REMEDY_TYPES)[number];

/** These are money or nothing. */
export const MONETARY_REMEDY_TYPES: readonly RemedyType[] = [
  'refund',
  'goodwill_payment',
  'distress_compensation',
  'service_credit',
];
/** These are never money: an apology with a price is a payment. */
export const NON_MONETARY_REMEDY_TYPES: readonly RemedyType[] = ['apology', 'corrective_action'];

/**
 * `proposed` while its proposal or decision is unanswered, `due` once binding, `fulfilled` once
 * the company recorded it, `superseded` when its proposal or decision was replaced or refused.
 */
export const REMEDY_STATUSES = ['proposed', 'due', 'fulfilled', 'superseded'] as const;
export type RemedyStatus = (typeof REMEDY_STATUSES)[number];

export const REMEDY_SOURCES = ['proposal', 'decision'] as const;
export type RemedySource = (typeof REMEDY_SOURCES)[number];
