import { createHash, hash as oneShotHash } from 'node:crypto';
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

/** A hashed entry whose time is already its ISO 8601 text (as verification reads it). */
export interface HashedText extends Omit<HashedEntry, 'occurredAt'> {
  readonly occurredAt: string;
}

// One-shot hashing (Node >= 20.12) skips the Hash object a verification would make per entry.
const sha256Hex: (text: string) => string =
  typeof oneShotHash === 'function'
    ? (text) => oneShotHash('sha256', text, 'hex')
    : (text) => createHash('sha256').update(text).digest('hex');

/**
 * The text an entry's hash is taken of: `canonicalJson` of its fields, keys in code-unit order
 * (action, actorRole, actorSub, after, before, chainKey, occurredAt, prevHash, seq), written out
 * directly so that verifying millions of entries sorts no keys but those of `before` and
 * `after`. audit-hash.spec.ts proves it equals `canonicalJson` of the same object.
 */
export function hashedText(entry: HashedText): string {
  return (
    `{"action":${JSON.stringify(entry.action)},"actorRole":${JSON.stringify(entry.actorRole)}` +
    `,"actorSub":${JSON.stringify(entry.actorSub)},"after":${canonicalJson(entry.after)}` +
    `,"before":${canonicalJson(entry.before)},"chainKey":${JSON.stringify(entry.chainKey)}` +
    `,"occurredAt":${JSON.stringify(entry.occurredAt)}` +
    `,"prevHash":${entry.prevHash === null ? 'null' : JSON.stringify(entry.prevHash)}` +
    `,"seq":${JSON.stringify(entry.seq)}}`
  );
}

export function entryHash(entry: HashedEntry): string {
  return textEntryHash({ ...entry, occurredAt: entry.occurredAt.toISOString() });
}

export function textEntryHash(entry: HashedText): string {
  return sha256Hex(hashedText(entry));
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

/** A stored entry as verification streams it: its time as ISO text, not parsed into a Date. */
export interface StreamedEntry extends HashedText {
  readonly id: string;
  readonly hash: string;
}

/** The first way an entry does not follow from its predecessor in the chain, or null. */
export function linkBreak(
  entry: StreamedEntry,
  previous: { readonly seq: number; readonly hash: string } | undefined,
): BrokenLink['reason'] | null {
  if (entry.seq !== (previous ? previous.seq + 1 : 1)) return 'sequence_gap';
  if (entry.prevHash !== (previous ? previous.hash : null)) return 'prev_hash_mismatch';
  if (textEntryHash(entry) !== entry.hash) return 'hash_mismatch';
  return null;
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
    const reason = linkBreak({ ...entry, occurredAt: entry.occurredAt.toISOString() }, prev);
    if (reason) return { chainKey: entry.chainKey, seq: entry.seq, id: entry.id, reason };
    prev = entry;
  }
  return null;
}

/**
 * Checks entries streamed in chain order (chain key, then sequence), one batch after another,
 * holding only the last entry seen: counts the chains and entries and keeps the first break.
 */
export class ChainWalk {
  chains = 0;
  entries = 0;
  private previous: StreamedEntry | undefined;

  /** The first break in this batch, or null; the walk must stop at a break. */
  check(batch: readonly StreamedEntry[]): BrokenLink | null {
    let previous = this.previous;
    for (const entry of batch) {
      if (previous?.chainKey !== entry.chainKey) {
        this.chains += 1;
        previous = undefined;
      }
      this.entries += 1;
      const reason = linkBreak(entry, previous);
      if (reason) return { chainKey: entry.chainKey, seq: entry.seq, id: entry.id, reason };
      previous = entry;
    }
    this.previous = previous;
    return null;
  }
}
