import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/hashing/canonical-json';
import type { RemedyInput } from '../compensation/remedy-ledger.service';

export interface DecisionContent {
  readonly caseId: string;
  readonly revision: number;
  readonly finding: string;
  readonly reasoning: string;
  readonly revisionReason: string | null;
  readonly remedies: readonly RemedyInput[];
}

/** SHA-256 over the canonical JSON of what was decided; it goes into the case's audit chain. */
export function decisionContentHash(content: DecisionContent): string {
  const remedies = content.remedies.map((r) => ({
    type: r.type,
    amount: r.amount ?? null,
    description: r.description,
  }));
  return createHash('sha256')
    .update(canonicalJson({ ...content, remedies }))
    .digest('hex');
}
