import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorRef } from '../auth/actor';
import {
  BrokenLink,
  ChainWalk,
  entryHash,
  firstBrokenLink,
  HashedEntry,
  StoredEntry,
} from './audit-hash';
import { AuditEntriesRepository, ChainEnd } from './audit-entries.repository';

export interface AuditRecord {
  /** The case id, or `system` for changes that belong to no case. */
  readonly chainKey: string;
  readonly actor: ActorRef;
  readonly action: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface VerificationReport {
  readonly valid: boolean;
  readonly chainsChecked: number;
  readonly entriesChecked: number;
  readonly firstBroken: BrokenLink | null;
}

/** Entries per read of a verification: two batches at most are in memory at once. */
export const VERIFY_BATCH = 5_000;

/** The only writer of audit rows: append-only, hash-chained per case. */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditEntriesRepository) {}

  /** Appends in the caller's transaction; appends to one chain queue on a transaction lock. */
  async append(manager: EntityManager, record: AuditRecord): Promise<string> {
    await this.entries.lockChain(manager, record.chainKey);
    return this.insert(manager, record, await this.entries.chainEnd(manager, record.chainKey));
  }

  /**
   * Appends many records in the caller's transaction with a few statements whatever their number:
   * the chains' locks (in key order, so two batches never wait on each other in a cycle), their
   * ends, then every entry in one insert. Entries of one chain follow each other in the order
   * given, each hashed on the one before it, exactly as that many `append` calls would.
   */
  async appendMany(manager: EntityManager, records: readonly AuditRecord[]): Promise<string[]> {
    if (records.length === 0) return [];
    const keys = [...new Set(records.map((r) => r.chainKey))].sort();
    await this.entries.lockChains(manager, keys);
    const ends = await this.entries.chainEnds(manager, keys);
    const chained = records.map((record) => {
      const entry = entryOf(record, ends.get(record.chainKey) ?? null);
      const hash = entryHash(entry);
      ends.set(record.chainKey, { seq: entry.seq, hash });
      return { entry, hash };
    });
    await this.entries.insertMany(manager, chained);
    return chained.map((c) => c.hash);
  }

  /**
   * The first entry of a chain whose subject this transaction has just created (a new case or
   * complaint): no other transaction can see the subject yet, so there is nothing to queue
   * behind and no earlier entry to read. Were the chain not new after all, the unique key on
   * (chain, seq) would refuse the entry rather than fork the chain.
   */
  startChain(manager: EntityManager, record: AuditRecord): Promise<string> {
    return this.insert(manager, record, null);
  }

  private async insert(
    manager: EntityManager,
    record: AuditRecord,
    last: ChainEnd | null,
  ): Promise<string> {
    const entry = entryOf(record, last);
    const hash = entryHash(entry);
    await this.entries.insert(manager, entry, hash);
    return hash;
  }

  /** One chain in order, e.g. a case's history, with whether it is intact. */
  async chain(
    chainKey: string,
  ): Promise<{ entries: StoredEntry[]; firstBroken: BrokenLink | null }> {
    const entries = await this.entries.chain(chainKey);
    return { entries, firstBroken: firstBrokenLink(entries) };
  }

  /** Re-computes every chain as a stream in chain order, stopping at the first break. */
  async verify(): Promise<VerificationReport> {
    const walk = new ChainWalk();
    for await (const batch of this.entries.inChainOrder(VERIFY_BATCH)) {
      const broken = walk.check(batch);
      if (broken)
        return {
          valid: false,
          chainsChecked: walk.chains,
          entriesChecked: walk.entries,
          firstBroken: broken,
        };
    }
    return {
      valid: true,
      chainsChecked: walk.chains,
      entriesChecked: walk.entries,
      firstBroken: null,
    };
  }
}

/** The entry that follows `last` in its chain (or starts it), as its hash covers it. */
function entryOf(record: AuditRecord, last: ChainEnd | null): HashedEntry {
  return {
    chainKey: record.chainKey,
    seq: last ? last.seq + 1 : 1,
    actorSub: record.actor.sub,
    actorRole: record.actor.role,
    action: record.action,
    before: normalise(record.before),
    after: normalise(record.after),
    occurredAt: new Date(),
    prevHash: last?.hash ?? null,
  };
}

/** What jsonb will give back: undefined members dropped, dates as strings. */
function normalise(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
