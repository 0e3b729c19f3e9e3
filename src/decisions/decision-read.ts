import { moneyOf, RemedyRow, toRemedyView, toStaffRemedy } from '../compensation/remedy-rows';
import {
  DecisionRevisionDto,
  DecisionViewDto,
  EarlierDecisionDto,
  StaffDecisionDto,
} from './dto/decision-view.dto';

/** A decision revision as DecisionsRepository selects and checks it (decisions.repository.ts). */
export interface DecisionRow {
  id: string;
  case_id: string;
  revision: number;
  status: 'awaiting_approval' | 'issued' | 'superseded';
  finding: 'upheld' | 'partially_upheld' | 'not_upheld';
  reasoning: string;
  revision_reason: string | null;
  drafted_by: string;
  created_at: Date;
  issued_by: string | null;
  issued_at: Date | null;
  content_hash: string;
  answer: string | null;
  answered_at: Date | null;
}

/** The issued revision in force: the latest issued one. */
export function currentDecision(rows: readonly DecisionRow[]): DecisionRow | null {
  const issued = rows.filter((r) => r.status === 'issued');
  return issued.length > 0 ? issued[issued.length - 1] : null;
}

function answerOf(row: DecisionRow) {
  return row.answer && row.answered_at
    ? { answer: row.answer, answeredAt: row.answered_at.toISOString() }
    : null;
}

/**
 * The issued revisions before the current one, each with the reason its successor gave. Drafts
 * awaiting approval never reached the parties and are left out.
 */
function earlierRevisions(
  rows: readonly DecisionRow[],
  remediesOf: (sourceId: string) => readonly RemedyRow[],
): EarlierDecisionDto[] {
  const issued = rows.filter((r) => r.status === 'issued');
  return issued.slice(0, -1).map((row, i) => ({
    id: row.id,
    revision: row.revision,
    finding: row.finding,
    reasoning: row.reasoning,
    remedies: remediesOf(row.id).map((r) => ({
      type: r.type,
      amount: moneyOf(r),
      description: r.description,
    })),
    issuedAt: row.issued_at!.toISOString(),
    revisionReason: row.revision_reason,
    replacedBecause: issued[i + 1].revision_reason ?? '',
  }));
}

export function toPartyDecision(
  rows: readonly DecisionRow[],
  remediesOf: (sourceId: string) => readonly RemedyRow[],
): DecisionViewDto | null {
  const current = currentDecision(rows);
  if (!current) return null;
  return {
    id: current.id,
    revision: current.revision,
    revised: current.revision > 1,
    revisionReason: current.revision_reason,
    finding: current.finding,
    reasoning: current.reasoning,
    issuedAt: current.issued_at!.toISOString(),
    remedies: remediesOf(current.id).map(toRemedyView),
    answer: answerOf(current),
    history: earlierRevisions(rows, remediesOf),
  };
}

function toRevision(
  row: DecisionRow,
  remedies: readonly RemedyRow[],
  now: Date,
): DecisionRevisionDto {
  return {
    id: row.id,
    revision: row.revision,
    status: row.status,
    finding: row.finding,
    reasoning: row.reasoning,
    revisionReason: row.revision_reason,
    draftedBy: row.drafted_by,
    createdAt: row.created_at.toISOString(),
    issuedAt: row.issued_at?.toISOString() ?? null,
    issuedBy: row.issued_by,
    contentHash: row.content_hash,
    remedies: remedies.map((r) => toStaffRemedy(r, now)),
  };
}

export function toStaffDecision(
  reference: string,
  rows: readonly DecisionRow[],
  remediesOf: (sourceId: string) => readonly RemedyRow[],
  now = new Date(),
): StaffDecisionDto {
  const latest = rows.at(-1);
  if (!latest) throw new RangeError(`case ${reference} has no decision to show`);
  const current = currentDecision(rows);
  const pending = rows.find((r) => r.status === 'awaiting_approval');
  return {
    id: latest.id,
    revision: latest.revision,
    caseReference: reference,
    currentRevision: current?.revision ?? null,
    pending: pending ? toRevision(pending, remediesOf(pending.id), now) : null,
    answer: current ? answerOf(current) : null,
    revisions: rows.map((r) => toRevision(r, remediesOf(r.id), now)),
  };
}
