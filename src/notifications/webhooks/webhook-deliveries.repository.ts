import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  boolean,
  bytes,
  firstRowOf,
  integer,
  json,
  RawRow,
  rowsOf,
  text,
  timestamp,
} from '../../common/sql-rows';

/** A delivery taken for one attempt, with what the attempt needs. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly subscription_id: string;
  readonly event_id: string;
  /** This attempt's number: the claim counted it. */
  readonly attempt_count: number;
  readonly url: string;
  readonly secret_sealed: Buffer;
  readonly type: string;
  readonly aggregate_type: string;
  readonly aggregate_id: string;
  readonly payload: Record<string, unknown>;
  readonly occurred_at: Date;
  /** Deleted after the event was fanned out to it, in a race with the fan-out. */
  readonly subscription_deleted: boolean;
}

function toClaimed(row: RawRow): ClaimedDelivery {
  return {
    id: text(row, 'id'),
    subscription_id: text(row, 'subscription_id'),
    event_id: text(row, 'event_id'),
    attempt_count: integer(row, 'attempt_count'),
    url: text(row, 'url'),
    secret_sealed: bytes(row, 'secret_sealed'),
    type: text(row, 'type'),
    aggregate_type: text(row, 'aggregate_type'),
    aggregate_id: text(row, 'aggregate_id'),
    // jsonb the outbox wrote from an object.
    payload: json(row, 'payload') as Record<string, unknown>,
    occurred_at: timestamp(row, 'occurred_at'),
    subscription_deleted: boolean(row, 'subscription_deleted'),
  };
}

export interface SettledAttempt {
  readonly attemptedAt: Date;
  readonly durationMs: number;
  readonly statusCode: number | null;
  readonly error: string | null;
  /** What the delivery becomes, and when it is due again if still pending. */
  readonly status: 'delivered' | 'failed' | 'pending';
  readonly nextAttemptAt: Date | null;
  readonly deliveredAt: Date | null;
}

/**
 * The delivery queue in PostgreSQL. Fan-out and claims lock with FOR UPDATE SKIP LOCKED, so
 * instances running side by side take disjoint rows; a claim is a lease (next_attempt_at moved
 * past the attempt's timeout), so no transaction stays open during an HTTP call and a crashed
 * claimer's deliveries come back once the lease runs out.
 */
@Injectable()
export class WebhookDeliveries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates one delivery per matching live subscription and marks the events, in one statement. */
  async fanOut(now: Date, batch: number): Promise<number> {
    const result: unknown = await this.dataSource.query(
      `WITH batch AS (
         SELECT id, type, occurred_at FROM outbox_event
          WHERE dispatched_at IS NULL ORDER BY position LIMIT $1
          FOR UPDATE SKIP LOCKED
       ), fanned AS (
         INSERT INTO webhook_delivery (subscription_id, event_id, next_attempt_at, created_at)
         SELECT s.id, b.id, $2, $2
           FROM batch b JOIN webhook_subscription s
             ON s.deleted_at IS NULL AND s.created_at <= b.occurred_at
            AND (b.type = ANY (s.events) OR '*' = ANY (s.events))
         ON CONFLICT ON CONSTRAINT uq_webhook_delivery_event_subscription DO NOTHING
         RETURNING 1
       ), marked AS (
         UPDATE outbox_event o SET dispatched_at = $2 FROM batch b WHERE o.id = b.id RETURNING 1
       )
       SELECT (SELECT count(*) FROM marked)::int AS events`,
      [batch, now],
    );
    return firstRowOf(result, (row) => integer(row, 'events')) ?? 0;
  }

  /** Takes due deliveries no other instance holds, and leases them for one attempt. */
  async claim(now: Date, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const result: unknown = await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM webhook_delivery
          WHERE status = 'pending' AND next_attempt_at <= $1
          ORDER BY next_attempt_at LIMIT $2
          FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE webhook_delivery d
            SET attempt_count = d.attempt_count + 1,
                last_attempt_at = $1,
                next_attempt_at = $1::timestamptz + make_interval(secs => $3)
           FROM due WHERE d.id = due.id
         RETURNING d.id, d.subscription_id, d.event_id, d.attempt_count
       )
       SELECT c.id, c.subscription_id, c.event_id, c.attempt_count, s.url, s.secret_sealed,
              e.type, e.aggregate_type, e.aggregate_id, e.payload, e.occurred_at,
              s.deleted_at IS NOT NULL AS subscription_deleted
         FROM claimed c
         JOIN webhook_subscription s ON s.id = c.subscription_id
         JOIN outbox_event e ON e.id = c.event_id`,
      [now, limit, leaseMs / 1000],
    );
    return rowsOf(result, toClaimed);
  }

  /**
   * Logs the attempt and settles the delivery. The update applies only while this claim is the
   * latest: if the lease ran out and another instance took the delivery over, its outcome decides.
   */
  async settle(delivery: ClaimedDelivery, attempt: SettledAttempt): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_delivery_attempt
           (delivery_id, attempt, attempted_at, duration_ms, status_code, error, succeeded)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [
          delivery.id,
          delivery.attempt_count,
          attempt.attemptedAt,
          attempt.durationMs,
          attempt.statusCode,
          attempt.error,
          attempt.status === 'delivered',
        ],
      );
      await manager.query(
        `UPDATE webhook_delivery SET status = $3, next_attempt_at = $4, delivered_at = $5
          WHERE id = $1 AND attempt_count = $2 AND status = 'pending'`,
        [
          delivery.id,
          delivery.attempt_count,
          attempt.status,
          attempt.nextAttemptAt,
          attempt.deliveredAt,
        ],
      );
    });
  }

  /** A delivery to a subscription deleted in the meantime is cancelled, unattempted. */
  async cancel(delivery: ClaimedDelivery): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_delivery
          SET status = 'cancelled', next_attempt_at = NULL, attempt_count = attempt_count - 1
        WHERE id = $1 AND attempt_count = $2 AND status = 'pending'`,
      [delivery.id, delivery.attempt_count],
    );
  }
}
