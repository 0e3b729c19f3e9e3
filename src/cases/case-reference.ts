/** Public case references: `OMB-2026-000001`, numbered per year. */
export const CASE_REFERENCE_PATTERN = /^OMB-\d{4}-\d{6,}$/;

export function formatCaseReference(year: number, sequence: number): string {
  return `OMB-${year}-${String(sequence).padStart(6, '0')}`;
}

export function isCaseReference(value: string): boolean {
  return CASE_REFERENCE_PATTERN.test(value);
}
