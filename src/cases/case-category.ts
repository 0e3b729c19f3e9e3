/** What a dispute is about: filed by the customer, filtered on in the staff queue, counted in reports. */
export const CATEGORIES = [
  'billing',
  'delivery',
  'product_quality',
  'service',
  'contract',
  'privacy',
  'accessibility',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const DEFAULT_CATEGORY: Category = 'other';
