import { Money, minorDigits } from '../common/money/money';
import type { CompensationConfig } from '../config/app-config';

/**
 * Authority limits (docs/architecture.md, "Remedies and authority") as plain functions. An officer may offer monetary remedies up to
 * limit A per currency and case alone; above A an ombudsman approves; above limit B two different
 * ombudsmen approve (four eyes). An ombudsman's own authority reaches B. Nobody approves their own
 * remedy, so the approvals counted are always other people's.
 */
export type ProposerRole = 'ombudsman_officer' | 'ombudsman';
export type ApprovalsRequired = 0 | 1 | 2;

export interface LimitsMinor {
  readonly officerMinor: bigint;
  readonly fourEyesMinor: bigint;
}

export function limitsFor(
  currency: string,
  config: Pick<CompensationConfig, 'defaultLimits' | 'limitsByCurrency'>,
): LimitsMinor {
  const major = config.limitsByCurrency[currency] ?? config.defaultLimits;
  const scale = 10n ** BigInt(minorDigits(currency));
  return {
    officerMinor: BigInt(major.officer) * scale,
    fourEyesMinor: BigInt(major.fourEyes) * scale,
  };
}

/** How many approvals a total of one currency needs from someone other than the proposer. */
export function approvalsForTotal(
  totalMinor: bigint,
  limits: LimitsMinor,
  proposer: ProposerRole,
): ApprovalsRequired {
  if (totalMinor > limits.fourEyesMinor) return 2;
  if (totalMinor > limits.officerMinor && proposer === 'ombudsman_officer') return 1;
  return 0;
}

/**
 * The approvals each remedy of one proposal or decision needs. The limit is per case, so the
 * remedies of a currency are summed: splitting an award in pieces does not avoid approval, and
 * every monetary remedy of a currency above the limit carries the requirement.
 */
export function approvalsPerRemedy(
  remedies: readonly { readonly amount?: Money | null }[],
  config: Pick<CompensationConfig, 'defaultLimits' | 'limitsByCurrency'>,
  proposer: ProposerRole,
): ApprovalsRequired[] {
  const totals = new Map<string, bigint>();
  for (const { amount } of remedies) {
    if (!amount) continue;
    totals.set(amount.currency, (totals.get(amount.currency) ?? 0n) + BigInt(amount.amountMinor));
  }
  return remedies.map(({ amount }) => {
    if (!amount) return 0;
    const total = totals.get(amount.currency) ?? 0n;
    return approvalsForTotal(total, limitsFor(amount.currency, config), proposer);
  });
}

export type ApprovalRefusal = 'not_ombudsman' | 'self_approval' | 'already_approved' | 'not_needed';

export interface ApprovalAttempt {
  readonly approver: string;
  readonly approverIsOmbudsman: boolean;
  readonly proposedBy: string;
  readonly required: number;
  readonly approvedBy: readonly string[];
}

/** Whether this person may add an approval now; the refusal names why not. */
export function checkApproval(attempt: ApprovalAttempt): ApprovalRefusal | null {
  if (!attempt.approverIsOmbudsman) return 'not_ombudsman';
  if (attempt.approver === attempt.proposedBy) return 'self_approval';
  if (attempt.approvedBy.includes(attempt.approver)) return 'already_approved';
  if (attempt.approvedBy.length >= attempt.required) return 'not_needed';
  return null;
}
