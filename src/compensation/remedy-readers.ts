/** Who may read remedies and the budget: the office's staff and its auditors. */
export const REMEDY_READERS = ['ombudsman_officer', 'ombudsman', 'auditor'] as const;
