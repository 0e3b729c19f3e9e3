import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorRef } from '../auth/actor';
import { AuditEntriesRepository, LinkedEntry } from './audit-entries.repository';
import {
  BrokenLink,
  ChainWalk,
  firstBrokenLink,
  StoredEntry,
  StreamedEntry,
  textEntryHash,
} from './audit-hash';
import { AuditService, VERIFY_BATCH, VerificationReport } from './audit.service';

/** The chain that records each verified point, so that the points are hash-chained too. */
export const VERIFICATION_CHAIN = 'audit-verification';

export type VerificationMode = 'full' | 'incremental';

export interface VerifiedPoint {
  /** Every entry with an id up to this one was verified. */
  readonly throughId: string;
  /** The audit entry that records the point. */
  readonly entryId: string;
}

export interface VerificationRun extends VerificationReport {
  readonly mode: VerificationMode;
  /** Entries after this id were checked ('0': from the start). */
  readonly sinceId: string;
  /** The point recorded by this run, or null when it found a break. */
  readonly checkpoint: VerifiedPoint | null;
}

interface PointFacts {
  readonly throughId: string;
  readonly throughHash: string | null;
}

/**
 * Verification that streams (a bounded batch in memory at a time) and records where it got to:
 * a full run checks every chain; an incremental run checks only the entries appended since the
 * last recorded point, each against its chain predecessor, so its time grows with what is new.
 *
 * A point is an audit entry of its own chain (`audit-verification`), holding the id it verified
 * through and that entry's hash: rewriting a point breaks its chain, and rewriting the entry it
 * names no longer matches it; an incremental run checks both before it trusts the point.
 */
@Injectable()
export class AuditVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entries: AuditEntriesRepository,
    private readonly audit: AuditService,
  ) {}

  async run(mode: VerificationMode, actor: ActorRef): Promise<VerificationRun> {
    if (mode === 'incremental') {
      const last = await this.lastPoint();
      if (last.broken) return this.report(mode, last.facts?.throughId ?? '0', 0, 0, last.broken);
      if (last.facts) return this.incremental(last.facts, actor);
    }
    return this.full(actor);
  }

  private async full(actor: ActorRef): Promise<VerificationRun> {
    const horizon = await this.entries.committedHorizon();
    const walk = new ChainWalk();
    for await (const batch of this.entries.inChainOrder(VERIFY_BATCH)) {
      const broken = walk.check(batch);
      if (broken) return this.report('full', '0', walk.chains, walk.entries, broken);
    }
    const checkpoint = await this.record(horizon, 'full', walk.entries, actor);
    return { ...this.report('full', '0', walk.chains, walk.entries, null), checkpoint };
  }

  private async incremental(since: PointFacts, actor: ActorRef): Promise<VerificationRun> {
    const horizon = await this.entries.committedHorizon();
    const chains = new Set<string>();
    let checked = 0;
    let after = since.throughId;
    while (BigInt(after) < BigInt(horizon)) {
      const batch = await this.entries.appendedBatch(after, horizon, VERIFY_BATCH);
      if (batch.length === 0) break;
      for (const linked of batch) {
        chains.add(linked.entry.chainKey);
        checked += 1;
        const broken = brokenLink(linked);
        if (broken)
          return this.report('incremental', since.throughId, chains.size, checked, broken);
      }
      after = batch[batch.length - 1].entry.id;
    }
    const checkpoint = await this.record(horizon, 'incremental', checked, actor);
    return {
      ...this.report('incremental', since.throughId, chains.size, checked, null),
      checkpoint,
    };
  }

  /** The last recorded point, checked against its own chain and against the entry it names. */
  private async lastPoint(): Promise<{ facts: PointFacts | null; broken: BrokenLink | null }> {
    const [last, before] = await this.entries.lastTwo(VERIFICATION_CHAIN);
    if (!last) return { facts: null, broken: null };
    // lastTwo gives the two highest: a missing predecessor shows as a gap in the sequence.
    const broken = firstBrokenLink([last], before);
    const facts = pointFacts(last);
    if (broken) return { facts, broken };
    if (!facts) return { facts: null, broken: { ...at(last), reason: 'checkpoint_mismatch' } };
    const named = facts.throughId === '0' ? null : await this.entries.hashOf(facts.throughId);
    if (named !== facts.throughHash)
      return { facts, broken: { ...at(last), reason: 'checkpoint_mismatch' } };
    return { facts, broken: null };
  }

  private async record(
    throughId: string,
    mode: VerificationMode,
    entriesChecked: number,
    actor: ActorRef,
  ): Promise<VerifiedPoint> {
    const throughHash = throughId === '0' ? null : await this.entries.hashOf(throughId);
    await this.dataSource.transaction((manager) =>
      this.audit.append(manager, {
        chainKey: VERIFICATION_CHAIN,
        actor,
        action: 'audit.verified',
        after: { throughId, throughHash, mode, entriesChecked },
      }),
    );
    const [point] = await this.entries.lastTwo(VERIFICATION_CHAIN);
    return { throughId, entryId: point.id };
  }

  private report(
    mode: VerificationMode,
    sinceId: string,
    chainsChecked: number,
    entriesChecked: number,
    firstBroken: BrokenLink | null,
  ): VerificationRun {
    return {
      mode,
      sinceId,
      valid: firstBroken === null,
      chainsChecked,
      entriesChecked,
      firstBroken,
      checkpoint: null,
    };
  }
}

const at = (entry: StoredEntry | StreamedEntry) => ({
  chainKey: entry.chainKey,
  seq: entry.seq,
  id: entry.id,
});

function pointFacts(entry: StoredEntry): PointFacts | null {
  const after = entry.after as { throughId?: unknown; throughHash?: unknown } | null;
  if (typeof after?.throughId !== 'string' || !/^\d+$/.test(after.throughId)) return null;
  const hash = after.throughHash;
  return { throughId: after.throughId, throughHash: typeof hash === 'string' ? hash : null };
}

/** An appended entry against its own hash and its chain predecessor as stored. */
function brokenLink({ entry, predecessorFound, predecessorHash }: LinkedEntry): BrokenLink | null {
  if (entry.seq > 1 && !predecessorFound) return { ...at(entry), reason: 'sequence_gap' };
  if (entry.prevHash !== (entry.seq > 1 ? predecessorHash : null))
    return { ...at(entry), reason: 'prev_hash_mismatch' };
  if (textEntryHash(entry) !== entry.hash) return { ...at(entry), reason: 'hash_mismatch' };
  return null;
}
