import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** How long a key is remembered (README.md, "Integrating": keys live 24 hours). */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

export interface StoredResponse {
  readonly requestHash: string;
  readonly status: number;
  readonly sealedBody: Buffer;
}

export interface NewStoredResponse extends StoredResponse {
  readonly scope: string;
  readonly keyHash: string;
}

interface Row {
  request_hash: string;
  response_status: number;
  response_body: Buffer;
}

/** The SQL behind idempotency keys; every call but the purge runs in the caller's transaction. */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A transaction lock per key: a second request with the key waits for nobody, it is told the
   * first is still running. The lock goes with the transaction, so a killed process leaves none.
   */
  async tryLock(manager: EntityManager, scope: string, key: string): Promise<boolean> {
    const [row] = (await manager.query(
      'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS acquired',
      [`idempotency:${scope}:${key}`],
    )) as { acquired: boolean }[];
    return row.acquired;
  }

  async findLive(
    manager: EntityManager,
    scope: string,
    keyHash: string,
  ): Promise<StoredResponse | undefined> {
    const [row] = (await manager.query(
      `SELECT request_hash, response_status, response_body FROM idempotency_key
       WHERE scope = $1 AND key_hash = $2 AND expires_at > now()`,
      [scope, keyHash],
    )) as Row[];
    if (!row) return undefined;
    return {
      requestHash: row.request_hash,
      status: row.response_status,
      sealedBody: row.response_body,
    };
  }

  /**
   * An expired row the purge has not reached yet is overwritten; a live one cannot exist here
   * because the caller holds the key's lock and found none, so false means a broken invariant.
   */
  async save(manager: EntityManager, response: NewStoredResponse): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO idempotency_key AS k
         (scope, key_hash, request_hash, response_status, response_body, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, now(), now() + make_interval(hours => $6))
       ON CONFLICT (scope, key_hash) DO UPDATE SET
         request_hash = EXCLUDED.request_hash,
         response_status = EXCLUDED.response_status,
         response_body = EXCLUDED.response_body,
         created_at = EXCLUDED.created_at,
         expires_at = EXCLUDED.expires_at
       WHERE k.expires_at <= now()
       RETURNING 1`,
      [
        response.scope,
        response.keyHash,
        response.requestHash,
        response.status,
        response.sealedBody,
        IDEMPOTENCY_KEY_TTL_HOURS,
      ],
    )) as unknown[];
    return rows.length === 1;
  }

  /**
   * Deletes expired keys in small batches so the purge never holds many locks at once; SKIP
   * LOCKED lets several instances purge side by side. Returns how many keys went.
   */
  async purgeExpired(batchSize = 1000): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ n }] = (await this.dataSource.query(
        `WITH doomed AS (
           SELECT scope, key_hash FROM idempotency_key WHERE expires_at < now()
           ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED
         ), deleted AS (
           DELETE FROM idempotency_key k USING doomed d
           WHERE k.scope = d.scope AND k.key_hash = d.key_hash RETURNING 1
         )
         SELECT count(*)::int AS n FROM deleted`,
        [batchSize],
      )) as { n: number }[];
      total += n;
      if (n < batchSize) return total;
    }
  }
}
