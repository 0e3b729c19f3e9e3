import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/hashing/canonical-json';

/** The fields of an entry that its hash covers. */
export interface HashedEntry {
  readonly chainKey: string;
  readonly seq: number;
  readonly actorSub: string;
  readonly actorRole: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly occurredAt: Date;
  readonly prevHash: string | null;
}

export function entryHash(entry: HashedEntry): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        chainKey: entry.chainKey,
        seq: entry.seq,
        actorSub: entry.actorSub,
        actorRole: entry.actorRole,
        action: entry.action,
        before: entry.before ?? null,
        after: entry.after ?? null,
        occurredAt: entry.occurredAt.toISOString(),
        prevHash: entry.prevHash,
      }),
    )
    .digest('hex');
}

export interface BrokenLink {
  readonly chainKey: string;
  readonly seq: number;
  readonly id: string;
  /** `checkpoint_mismatch`: a recorded verified point no longer matches the entry it names. */
  readonly reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'checkpoint_mismatch';
}

export interface StoredEntry extends HashedEntry {
  readonly id: string;
  readonly hash: string;
}

/**
 * Walks one chain's entries in sequence order and returns the first entry that does not follow
 * from its predecessor, or null when the chain is intact.
 */
export function firstBrokenLink(
  entries: Iterable<StoredEntry>,
  previous?: StoredEntry,
): BrokenLink | null {
  let prev = previous;
  for (const entry of entries) {
    const at = { chainKey: entry.chainKey, seq: entry.seq, id: entry.id };
    if (entry.seq !== (prev ? prev.seq + 1 : 1)) return { ...at, reason: 'sequence_gap' };
    if (entry.prevHash !== (prev ? prev.hash : null))
      return { ...at, reason: 'prev_hash_mismatch' };
    if (entryHash(entry) !== entry.hash) return { ...at, reason: 'hash_mismatch' };
    prev = entry;
  }
  return null;
}
