import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StoredEntry } from './audit-hash';

/** A stored entry and the hash its predecessor in the chain holds (null for a first entry). */
export interface LinkedEntry {
  readonly entry: StoredEntry;
  /** Whether the chain has an entry at seq - 1 at all. */
  readonly predecessorFound: boolean;
  readonly predecessorHash: string | null;
}

/** An audit_entry row as the driver answers it (both the writer and verification read these). */
export interface EntryRow {
  id: string;
  chain_key: string;
  seq: number;
  actor_sub: string;
  actor_role: string;
  action: string;
  before: unknown;
  after: unknown;
  occurred_at: Date;
  prev_hash: string | null;
  hash: string;
}

const COLUMNS = `e.id::text, e.chain_key, e.seq, e.actor_sub, e.actor_role, e.action, e.before, e.after,
  e.occurred_at, e.prev_hash, e.hash`;

export function toStoredEntry(row: EntryRow): StoredEntry {
  return {
    id: row.id,
    chainKey: row.chain_key,
    seq: row.seq,
    actorSub: row.actor_sub,
    actorRole: row.actor_role,
    action: row.action,
    before: row.before,
    after: row.after,
    occurredAt: row.occurred_at,
    prevHash: row.prev_hash?.trim() ?? null,
    hash: row.hash.trim(),
  };
}

/** The reads of audit verification: batches in key order, id ranges, the recorded points. */
@Injectable()
export class AuditEntriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The next `limit` entries after (chainKey, seq), in chain order (uq_audit_entry_chain_seq). */
  async chainOrderBatch(after: [string, number], limit: number): Promise<StoredEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_entry e
        WHERE (e.chain_key, e.seq) > ($1, $2) ORDER BY e.chain_key, e.seq LIMIT $3`,
      [after[0], after[1], limit],
    )) as EntryRow[];
    return rows.map(toStoredEntry);
  }

  /**
   * The next `limit` entries with afterId < id <= throughId in id order (pk_audit_entry), each with
   * its predecessor's stored hash (uq_audit_entry_chain_seq).
   */
  async appendedBatch(afterId: string, throughId: string, limit: number): Promise<LinkedEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, p.id IS NOT NULL AS predecessor_found, p.hash AS predecessor_hash
         FROM audit_entry e
         LEFT JOIN audit_entry p ON p.chain_key = e.chain_key AND p.seq = e.seq - 1
        WHERE e.id > $1::bigint AND e.id <= $2::bigint
        ORDER BY e.id LIMIT $3`,
      [afterId, throughId, limit],
    )) as (EntryRow & { predecessor_found: boolean; predecessor_hash: string | null })[];
    return rows.map((row) => ({
      entry: toStoredEntry(row),
      predecessorFound: row.predecessor_found,
      predecessorHash: row.predecessor_hash?.trim() ?? null,
    }));
  }

  /**
   * The highest id below which every entry is committed: SHARE mode waits for the transactions
   * that are appending right now and holds new appends back for the instant of the read, so no
   * entry with a lower id can still appear later (ids are handed out before commit).
   */
  async committedHorizon(): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL lock_timeout = '5s'`);
      await manager.query('LOCK TABLE audit_entry IN SHARE MODE');
      const [row] = (await manager.query(
        'SELECT coalesce(max(id), 0)::text AS id FROM audit_entry',
      )) as { id: string }[];
      return row.id;
    });
  }

  /** An entry's stored hash by id, or null when there is none. */
  async hashOf(id: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      'SELECT hash FROM audit_entry WHERE id = $1::bigint',
      [id],
    )) as { hash: string }[];
    return row ? row.hash.trim() : null;
  }

  /** The last entry of a chain and the one before it (uq_audit_entry_chain_seq, backwards). */
  async lastTwo(chainKey: string): Promise<StoredEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM audit_entry e WHERE e.chain_key = $1 ORDER BY e.seq DESC LIMIT 2`,
      [chainKey],
    )) as EntryRow[];
    return rows.map(toStoredEntry);
  }
}
