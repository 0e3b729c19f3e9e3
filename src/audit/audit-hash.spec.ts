import fc from 'fast-check';
import { entryHash, firstBrokenLink, StoredEntry } from './audit-hash';
import { canonicalJson } from '../common/hashing/canonical-json';

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

  it('finds an entry re-hashed after tampering by its broken link to the next one', () => {
    const entries = chain(4);
    const forged = { ...entries[1], action: 'forged' };
    entries[1] = { ...forged, hash: entryHash(forged) };
    expect(firstBrokenLink(entries)).toMatchObject({ seq: 3, reason: 'prev_hash_mismatch' });
  });
});
