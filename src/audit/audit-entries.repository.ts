import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  boolean,
  firstRowOf,
  integer,
  json,
  RawRow,
  rowsOf,
  text,
  textOrNull,
  timestamp,
} from '../common/sql-rows';
import { HashedEntry, StoredEntry, StreamedEntry } from './audit-hash';

/** The end of a chain an append continues from. */
export interface ChainEnd {
  readonly seq: number;
  readonly hash: string;
}

/** A stored entry and the hash its predecessor in the chain holds (null for a first entry). */
export interface LinkedEntry {
  readonly entry: StreamedEntry;
  /** Whether the chain has an entry at seq - 1 at all. */
  readonly predecessorFound: boolean;
  readonly predecessorHash: string | null;
}

const COLUMNS = `e.id::text, e.chain_key, e.seq, e.actor_sub, e.actor_role, e.action, e.before, e.after,
  e.occurred_at, e.prev_hash, e.hash`;

// The time as Date.toISOString writes it, by PostgreSQL: parsing a timestamptz into a Date in
// Node costs more than hashing the entry. Both sides keep milliseconds and cut off the rest.
const STREAMED_COLUMNS = `e.id::text, e.chain_key, e.seq, e.actor_sub, e.actor_role, e.action, e.before, e.after,
  to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  e.prev_hash, e.hash`;

/**
 * One checked row shape for both readers; only the time differs: a Date for the writer, the
 * ISO text of STREAMED_COLUMNS for verification. Hashes are char(64): a blank-padded value reads
 * back trimmed.
 */
function entryOf<T extends Date | string>(
  row: RawRow,
  occurredAt: (row: RawRow, column: string) => T,
) {
  return {
    id: text(row, 'id'),
    chainKey: text(row, 'chain_key'),
    seq: integer(row, 'seq'),
    actorSub: text(row, 'actor_sub'),
    actorRole: text(row, 'actor_role'),
    action: text(row, 'action'),
    before: json(row, 'before'),
    after: json(row, 'after'),
    occurredAt: occurredAt(row, 'occurred_at'),
    prevHash: textOrNull(row, 'prev_hash')?.trim() ?? null,
    hash: text(row, 'hash').trim(),
  };
}

const streamedOf = (row: RawRow): StreamedEntry => entryOf(row, text);
const storedOf = (row: RawRow): StoredEntry => entryOf(row, timestamp);

/**
 * The audit log's table (audit_entry): appended to, read, never changed (a trigger refuses it).
 * The writer (src/audit/audit.service.ts) and verification (src/audit/audit-verification.service.ts)
 * read the same checked row shape.
 */
@Injectable()
export class AuditEntriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends to one chain queue behind this transaction lock until it ends. */
  async lockChain(manager: EntityManager, chainKey: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [chainKey]);
  }

  async chainEnd(manager: EntityManager, chainKey: string): Promise<ChainEnd | null> {
    return firstRowOf(
      await manager.query(
        'SELECT seq, hash FROM audit_entry WHERE chain_key = $1 ORDER BY seq DESC LIMIT 1',
        [chainKey],
      ),
      (row) => ({ seq: integer(row, 'seq'), hash: text(row, 'hash') }),
    );
  }

  async insert(manager: EntityManager, entry: HashedEntry, hash: string): Promise<void> {
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
  }

  /**
   * Takes the append lock of every chain in the order given, in one statement: callers pass
   * the keys sorted, so two batches never wait on each other's chains in a cycle.
   */
  async lockChains(manager: EntityManager, chainKeys: readonly string[]): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(k.key, 0))
         FROM (SELECT key FROM unnest($1::text[]) WITH ORDINALITY AS u(key, n) ORDER BY n) AS k`,
      [chainKeys],
    );
  }

  /** The last entry of each chain that has one (one index probe per chain, backwards). */
  async chainEnds(
    manager: EntityManager,
    chainKeys: readonly string[],
  ): Promise<Map<string, ChainEnd>> {
    const rows = rowsOf(
      await manager.query(
        `SELECT k.key AS chain_key, e.seq, e.hash
           FROM unnest($1::text[]) AS k(key)
           CROSS JOIN LATERAL (SELECT seq, hash FROM audit_entry
                                WHERE chain_key = k.key ORDER BY seq DESC LIMIT 1) AS e`,
        [chainKeys],
      ),
      (row) => ({
        chainKey: text(row, 'chain_key'),
        end: { seq: integer(row, 'seq'), hash: text(row, 'hash').trim() },
      }),
    );
    return new Map(rows.map((row) => [row.chainKey, row.end]));
  }

  /** Appends entries already chained and hashed, in one statement, in the order given. */
  async insertMany(
    manager: EntityManager,
    entries: readonly { readonly entry: HashedEntry; readonly hash: string }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO audit_entry
         (chain_key, seq, actor_sub, actor_role, action, before, after, occurred_at, prev_hash, hash)
       SELECT e."chainKey", e.seq, e."actorSub", e."actorRole", e.action, e.before, e.after,
              e."occurredAt", e."prevHash", e.hash
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
                AS ("chainKey" text, seq int, "actorSub" text, "actorRole" text, action text,
                    before jsonb, after jsonb, "occurredAt" timestamptz, "prevHash" text,
                    hash text)) WITH ORDINALITY
           AS e("chainKey", seq, "actorSub", "actorRole", action, before, after, "occurredAt",
                "prevHash", hash, n)
        ORDER BY e.n`,
      [JSON.stringify(entries.map(({ entry, hash }) => ({ ...entry, hash })))],
    );
  }

  /** One chain in order. */
  async chain(chainKey: string): Promise<StoredEntry[]> {
    return rowsOf(
      await this.dataSource.query(
        `SELECT ${COLUMNS} FROM audit_entry e WHERE e.chain_key = $1 ORDER BY e.seq`,
        [chainKey],
      ),
      storedOf,
    );
  }

  /** The next `limit` entries after (chainKey, seq), in chain order (uq_audit_entry_chain_seq). */
  async chainOrderBatch(after: [string, number], limit: number): Promise<StreamedEntry[]> {
    return rowsOf(
      await this.dataSource.query(
        `SELECT ${STREAMED_COLUMNS} FROM audit_entry e
          WHERE (e.chain_key, e.seq) > ($1, $2) ORDER BY e.chain_key, e.seq LIMIT $3`,
        [after[0], after[1], limit],
      ),
      streamedOf,
    );
  }

  /**
   * Every entry in chain order, `size` at a time, with no more than two batches in memory: the
   * next batch is already being read (on a second pooled connection) while the caller checks
   * this one, so the database and the hashing work at once.
   */
  async *inChainOrder(size: number): AsyncGenerator<StreamedEntry[]> {
    let next = this.chainOrderBatch(['', 0], size);
    for (;;) {
      const batch = await next;
      if (batch.length === 0) return;
      const last = batch[batch.length - 1];
      next =
        batch.length < size
          ? Promise.resolve([])
          : this.chainOrderBatch([last.chainKey, last.seq], size);
      // A caller that stops at a break never awaits the read ahead; its failure is then moot.
      next.catch(() => undefined);
      yield batch;
    }
  }

  /**
   * The next `limit` entries with afterId < id <= throughId in id order (pk_audit_entry), each with
   * its predecessor's stored hash (uq_audit_entry_chain_seq).
   */
  async appendedBatch(afterId: string, throughId: string, limit: number): Promise<LinkedEntry[]> {
    return rowsOf(
      await this.dataSource.query(
        `SELECT ${STREAMED_COLUMNS}, p.id IS NOT NULL AS predecessor_found, p.hash AS predecessor_hash
           FROM audit_entry e
           LEFT JOIN audit_entry p ON p.chain_key = e.chain_key AND p.seq = e.seq - 1
          WHERE e.id > $1::bigint AND e.id <= $2::bigint
          ORDER BY e.id LIMIT $3`,
        [afterId, throughId, limit],
      ),
      (row) => ({
        entry: streamedOf(row),
        predecessorFound: boolean(row, 'predecessor_found'),
        predecessorHash: textOrNull(row, 'predecessor_hash')?.trim() ?? null,
      }),
    );
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
      const row = firstRowOf(
        await manager.query('SELECT coalesce(max(id), 0)::text AS id FROM audit_entry'),
        (r) => text(r, 'id'),
      );
      return row ?? '0';
    });
  }

  /** An entry's stored hash by id, or null when there is none. */
  async hashOf(id: string): Promise<string | null> {
    return firstRowOf(
      await this.dataSource.query('SELECT hash FROM audit_entry WHERE id = $1::bigint', [id]),
      (row) => text(row, 'hash').trim(),
    );
  }

  /** The last entry of a chain and the one before it (uq_audit_entry_chain_seq, backwards). */
  async lastTwo(chainKey: string): Promise<StoredEntry[]> {
    return rowsOf(
      await this.dataSource.query(
        `SELECT ${COLUMNS} FROM audit_entry e WHERE e.chain_key = $1 ORDER BY e.seq DESC LIMIT 2`,
        [chainKey],
      ),
      storedOf,
    );
  }
}
