/** Front-line complaint references: `CMP-000123`, at least six digits, from a database sequence. */
export const COMPLAINT_REFERENCE_PATTERN = /^CMP-\d{6,}$/;

export function formatComplaintReference(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`A complaint sequence number is a whole number ≥ 1, got ${sequence}`);
  }
  return `CMP-${String(sequence).padStart(6, '0')}`;
}

export function isComplaintReference(value: string): boolean {
  return COMPLAINT_REFERENCE_PATTERN.test(value);
}
