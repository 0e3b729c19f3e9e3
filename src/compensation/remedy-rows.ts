import { RemedyViewDto, StaffRemedyDto } from './dto/remedy.dto';
import {
  integer,
  jsonRows,
  oneOf,
  RawRow,
  text,
  textOrNull,
  timestamp,
  timestampOrNull,
} from '../common/sql-rows';
import { REMEDY_STATUSES, RemedySource, RemedyStatus } from './remedy-types';

const REMEDY_SOURCES: readonly RemedySource[] = ['proposal', 'decision'];

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

function toApprovalRow(row: RawRow): RemedyApprovalRow {
  return {
    id: text(row, 'id'),
    approver: text(row, 'approver'),
    approver_name: textOrNull(row, 'approver_name'),
    created_at: text(row, 'created_at'),
  };
}

/** Checks a row of RemediesRepository's remedy select, column by column. */
export function toRemedyRow(row: RawRow): RemedyRow {
  return {
    id: text(row, 'id'),
    case_id: text(row, 'case_id'),
    case_reference: text(row, 'case_reference'),
    source: oneOf(row, 'source', REMEDY_SOURCES),
    source_id: text(row, 'source_id'),
    type: text(row, 'type'),
    amount_minor: textOrNull(row, 'amount_minor'),
    currency: textOrNull(row, 'currency'),
    description: text(row, 'description'),
    status: oneOf(row, 'status', REMEDY_STATUSES),
    proposed_by: text(row, 'proposed_by'),
    approvals_required: integer(row, 'approvals_required'),
    created_at: timestamp(row, 'created_at'),
    due_at: timestampOrNull(row, 'due_at'),
    fulfilled_at: timestampOrNull(row, 'fulfilled_at'),
    payment_reference: textOrNull(row, 'payment_reference'),
    fulfilled_by: textOrNull(row, 'fulfilled_by'),
    fulfilment_note: textOrNull(row, 'fulfilment_note'),
    confirmation: textOrNull(row, 'confirmation'),
    confirmation_note: textOrNull(row, 'confirmation_note'),
    created_key: text(row, 'created_key'),
    due_key: textOrNull(row, 'due_key'),
    approvals: jsonRows(row, 'approvals', toApprovalRow),
  };
}
