import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ChainWalk, entryHash, firstBrokenLink, StoredEntry } from './audit-hash';
import { canonicalJson } from '../common/hashing/canonical-json';

/** canonicalJson as it was first written: the text every stored hash was made of. */
function firstCanonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(firstCanonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstCanonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** entryHash as it was first written. */
function firstEntryHash(entry: Omit<StoredEntry, 'id' | 'hash'>): string {
  return createHash('sha256')
    .update(
      firstCanonicalJson({
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

const anyEntry = fc.record({
  chainKey: fc.oneof(fc.uuid(), fc.string()),
  seq: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  actorSub: fc.string(),
  actorRole: fc.string(),
  action: fc.string(),
  before: fc.oneof(fc.constant(null), fc.jsonValue()),
  after: fc.oneof(fc.constant(null), fc.jsonValue()),
  occurredAt: fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true }),
  prevHash: fc.oneof(fc.constant(null), fc.string({ minLength: 64, maxLength: 64 })),
});

function chain(length: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  for (let seq = 1; seq <= length; seq += 1) {
    const base = {
      chainKey: 'case-1',
      seq,
      actorSub: 'alice',
      actorRole: 'ombudsman',
      action: 'note.added',
      before: null,
      after: { seq, text: 'Заметка 笔记' },
      occurredAt: new Date(Date.UTC(2026, 0, seq)),
      prevHash: seq === 1 ? null : entries[seq - 2].hash,
    };
    entries.push({ ...base, id: String(seq), hash: entryHash(base) });
  }
  return entries;
}

describe('canonicalJson', () => {
  it('does not depend on key order, as jsonb reorders keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, 2] }, b: 1 }),
    );
  });

  it('parses back to the same value as plain JSON does, for any JSON value', () => {
    // Compared with a JSON round trip because JSON itself writes -0 as 0.
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value))),
      ),
    );
  });
});

describe('the audit hash', () => {
  it('writes every JSON value as the first canonicalJson did', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.object(), (value, object) => {
        expect(canonicalJson(value)).toBe(firstCanonicalJson(value));
        expect(canonicalJson(object)).toBe(firstCanonicalJson(object));
      }),
      { numRuns: 500 },
    );
  });

  it('is the hash the first entryHash made of any entry, so stored chains still verify', () => {
    fc.assert(
      fc.property(anyEntry, (entry) => expect(entryHash(entry)).toBe(firstEntryHash(entry))),
      { numRuns: 500 },
    );
  });
});

describe('the audit hash chain', () => {
  it('accepts an intact chain', () => {
    expect(firstBrokenLink(chain(5))).toBeNull();
  });

  it('finds an entry whose content was changed', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], after: { seq: 3, text: 'forged' } };
    expect(firstBrokenLink(entries)).toEqual({
      chainKey: 'case-1',
      seq: 3,
      id: '3',
      reason: 'hash_mismatch',
    });
  });

  it('finds a removed entry', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(firstBrokenLink(entries)).toMatchObject({ seq: 3, reason: 'sequence_gap' });
  });

  it('walks chains streamed in batches as one, counting chains and finding a break across a batch', () => {
    const streamed = (entries: StoredEntry[]) =>
      entries.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() }));
    const other = chain(3).map((e) => ({ ...e, chainKey: 'case-2' }));
    const intact = new ChainWalk();
    expect(intact.check(streamed(chain(4)).slice(0, 2))).toBeNull();
    expect(intact.check(streamed(chain(4)).slice(2))).toBeNull();
    expect(intact.check(streamed(other))).not.toBeNull(); // case-2's hashes were made for case-1
    const entries = streamed(chain(5));
    const forged = new ChainWalk();
    expect(forged.check(entries.slice(0, 3))).toBeNull();
    expect(forged.check([{ ...entries[3], action: 'forged' }, entries[4]])).toEqual({
      chainKey: 'case-1',
      seq: 4,
      id: '4',
      reason: 'hash_mismatch',
    });
    expect([forged.chains, forged.entries]).toEqual([1, 4]);
  });

  it('finds an entry re-hashed after tampering by its broken link to the next one', () => {
    const entries = chain(4);
    const forged = { ...entries[1], action: 'forged' };
    entries[1] = { ...forged, hash: entryHash(forged) };
    expect(firstBrokenLink(entries)).toMatchObject({ seq: 3, reason: 'prev_hash_mismatch' });
  });
});
