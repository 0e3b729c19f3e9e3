import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { boolean, bytes, insertedRowOf, integer, rowsOf, text, textOrNull } from '../sql-rows';

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

/** The SQL behind idempotency keys; every call but the purge runs in the caller's transaction. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * In one round trip: the key's live stored response, if any, and a try of the key's
   * transaction lock (a second request with the key waits for nobody; the lock goes with the
   * transaction, so a killed process leaves none). The read's snapshot is taken before the lock is tried, so a first request
   * that commits in between is not seen although the lock is won; its stored row then makes
   * `save` refuse (false), and the caller answers 409 as for a request still in flight.
   */
  async findLiveOrLock(
    manager: EntityManager,
    scope: string,
    key: string,
    keyHash: string,
  ): Promise<{ stored: StoredResponse | undefined; locked: boolean }> {
    return insertedRowOf(
      await manager.query(
        `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS acquired,
                k.request_hash, k.response_status, k.response_body
           FROM (SELECT 1) AS one
           LEFT JOIN idempotency_key k
             ON k.scope = $2 AND k.key_hash = $3 AND k.expires_at > now()`,
        [`idempotency:${scope}:${key}`, scope, keyHash],
      ),
      (row) => ({
        locked: boolean(row, 'acquired'),
        stored:
          textOrNull(row, 'request_hash') === null
            ? undefined
            : {
                requestHash: text(row, 'request_hash'),
                status: integer(row, 'response_status'),
                sealedBody: bytes(row, 'response_body'),
              },
      }),
    );
  }

  /**
   * An expired row the purge has not reached yet is overwritten; a live one exists here only
   * when a first request committed after the caller's read (see `findLiveOrLock`): false.
   */
  async save(manager: EntityManager, response: NewStoredResponse): Promise<boolean> {
    const rows = rowsOf(
      await manager.query(
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
      ),
      () => true,
    );
    return rows.length === 1;
  }

  /**
   * Deletes expired keys in small batches so the purge never holds many locks at once; SKIP
   * LOCKED lets several instances purge side by side. Returns how many keys went.
   */
  async purgeExpired(batchSize = 1000): Promise<number> {
    let total = 0;
    for (;;) {
      const n = insertedRowOf(
        await this.dataSource.query(
          `WITH doomed AS (
           SELECT scope, key_hash FROM idempotency_key WHERE expires_at < now()
           ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED
         ), deleted AS (
           DELETE FROM idempotency_key k USING doomed d
           WHERE k.scope = d.scope AND k.key_hash = d.key_hash RETURNING 1
         )
         SELECT count(*)::int AS n FROM deleted`,
          [batchSize],
        ),
        (row) => integer(row, 'n'),
      );
      total += n;
      if (n < batchSize) return total;
    }
  }
}
