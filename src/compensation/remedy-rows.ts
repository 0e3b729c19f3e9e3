import { RemedyViewDto, StaffRemedyDto } from './dto/remedy.dto';
import { RemedySource, RemedyStatus } from './remedy-types';

export interface RemedyApprovalRow {
  id: string;
  approver: string;
  approver_name: string | null;
  created_at: string;
}

/**
 * A remedy row as RemediesRepository selects and checks it (remedies.repository.ts); bigint
 * arrives as text and is checked again when it becomes money.
 */
export interface RemedyRow {
  id: string;
  case_id: string;
  case_reference: string;
  source: RemedySource;
  source_id: string;
  type: string;
  amount_minor: string | null;
  currency: string | null;
  description: string;
  status: RemedyStatus;
  proposed_by: string;
  approvals_required: number;
  created_at: Date;
  due_at: Date | null;
  fulfilled_at: Date | null;
  payment_reference: string | null;
  fulfilled_by: string | null;
  fulfilment_note: string | null;
  confirmation: string | null;
  confirmation_note: string | null;
  /** Exact to the microsecond, for keyset cursors (a Date keeps only milliseconds). */
  created_key: string;
  due_key: string | null;
  approvals: RemedyApprovalRow[];
}

export function moneyOf(row: Pick<RemedyRow, 'amount_minor' | 'currency'>) {
  if (row.amount_minor === null || row.currency === null) return null;
  const amountMinor = Number(row.amount_minor);
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`remedy amount ${row.amount_minor} exceeds the safe integer range`);
  }
  return { amountMinor, currency: row.currency };
}

export function toRemedyView(row: RemedyRow): RemedyViewDto {
  return {
    id: row.id,
    type: row.type,
    amount: moneyOf(row),
    description: row.description,
    status: row.status,
    dueAt: row.due_at?.toISOString() ?? null,
    fulfilledAt: row.fulfilled_at?.toISOString() ?? null,
    paymentReference: row.payment_reference,
    fulfilmentNote: row.fulfilment_note,
  };
}

export function toStaffRemedy(row: RemedyRow, now = new Date()): StaffRemedyDto {
  return {
    ...toRemedyView(row),
    caseReference: row.case_reference,
    source: row.source,
    sourceId: row.source_id,
    proposedBy: row.proposed_by,
    approvalsRequired: row.approvals_required,
    approvals: row.approvals.map((a) => ({
      id: a.id,
      approver: a.approver,
      approverName: a.approver_name,
      at: new Date(a.created_at).toISOString(),
    })),
    overdue: row.status === 'due' && row.due_at !== null && row.due_at < now,
    fulfilledBy: row.fulfilled_by,
    confirmation: row.confirmation,
    confirmationNote: row.confirmation_note,
    createdAt: row.created_at.toISOString(),
  };
}

/** The remedies of each proposal or decision revision, by the id of their source. */
export function groupBySource(remedies: readonly RemedyRow[]): Map<string, RemedyRow[]> {
  const bySource = new Map<string, RemedyRow[]>();
  for (const r of remedies) {
    const list = bySource.get(r.source_id) ?? [];
    list.push(r);
    bySource.set(r.source_id, list);
  }
  return bySource;
}
