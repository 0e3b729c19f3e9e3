import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorRef } from '../auth/actor';
import { BrokenLink, entryHash, firstBrokenLink, StoredEntry } from './audit-hash';
import { EntryRow, toStoredEntry } from './audit-entries.repository';

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

const VERIFY_BATCH = 5000;

/** The only writer of audit rows: append-only, hash-chained per case. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends in the caller's transaction; appends to one chain queue on a transaction lock. */
  async append(manager: EntityManager, record: AuditRecord): Promise<string> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [record.chainKey]);
    const [last] = (await manager.query(
      'SELECT seq, hash FROM audit_entry WHERE chain_key = $1 ORDER BY seq DESC LIMIT 1',
      [record.chainKey],
    )) as { seq: number; hash: string }[];
    return this.insert(manager, record, last ?? null);
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
    last: { seq: number; hash: string } | null,
  ): Promise<string> {
    const entry = {
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
    const hash = entryHash(entry);
    await manager.query(
      `INSERT INTO audit_entry (chain_key, seq, actor_sub, actor_role, action, before, after, occurred_at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        entry.chainKey,
        entry.seq,
        entry.actorSub,
        entry.actorRole,
        entry.action,
        entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === null ? null : JSON.stringify(entry.after),
        entry.occurredAt,
        entry.prevHash,
        hash,
      ],
    );
    return hash;
  }

  /** One chain in order, e.g. a case's history, with whether it is intact. */
  async chain(
    chainKey: string,
  ): Promise<{ entries: StoredEntry[]; firstBroken: BrokenLink | null }> {
    const rows = (await this.dataSource.query(
      `SELECT id::text, chain_key, seq, actor_sub, actor_role, action, before, after, occurred_at, prev_hash, hash
         FROM audit_entry WHERE chain_key = $1 ORDER BY seq`,
      [chainKey],
    )) as EntryRow[];
    const entries = rows.map(toStoredEntry);
    return { entries, firstBroken: firstBrokenLink(entries) };
  }

  /** Re-computes every chain in batches (keyset on chain and sequence), stopping at the first break. */
  async verify(): Promise<VerificationReport> {
    let chains = 0;
    let entries = 0;
    let previous: StoredEntry | undefined;
    let cursor: [string, number] = ['', 0];
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT id::text, chain_key, seq, actor_sub, actor_role, action, before, after, occurred_at, prev_hash, hash
           FROM audit_entry WHERE (chain_key, seq) > ($1, $2) ORDER BY chain_key, seq LIMIT $3`,
        [cursor[0], cursor[1], VERIFY_BATCH],
      )) as EntryRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const entry = toStoredEntry(row);
        if (previous?.chainKey !== entry.chainKey) {
          chains += 1;
          previous = undefined;
        }
        entries += 1;
        const broken = firstBrokenLink([entry], previous);
        if (broken)
          return {
            valid: false,
            chainsChecked: chains,
            entriesChecked: entries,
            firstBroken: broken,
          };
        previous = entry;
      }
      const last = rows[rows.length - 1];
      cursor = [last.chain_key, last.seq];
    }
    return { valid: true, chainsChecked: chains, entriesChecked: entries, firstBroken: null };
  }
}

/** What jsonb will give back: undefined members dropped, dates as strings. */
function normalise(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
