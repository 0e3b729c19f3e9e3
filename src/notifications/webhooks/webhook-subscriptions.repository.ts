import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  changedRowsOf,
  firstRowOf,
  insertedRowOf,
  RawRow,
  rowsOf,
  text,
  textArray,
  textOrNull,
  timestamp,
} from '../../common/sql-rows';

export interface SubscriptionRow {
  readonly id: string;
  /** The keyset position, for the next page. */
  readonly pageKey: string;
  readonly url: string;
  readonly events: string[];
  readonly description: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface NewSubscriptionRow {
  readonly id: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly description: string | null;
  readonly secretSealed: Buffer;
  readonly createdBy: string;
}

const COLUMNS = 'id, position::text AS page_key, url, events, description, created_by, created_at';

function toRow(row: RawRow): SubscriptionRow {
  return {
    id: text(row, 'id'),
    pageKey: text(row, 'page_key'),
    url: text(row, 'url'),
    events: textArray(row, 'events'),
    description: textOrNull(row, 'description'),
    createdBy: text(row, 'created_by'),
    createdAt: timestamp(row, 'created_at'),
  };
}

/** Webhook subscriptions; a deleted one is kept (deleted_at) for its delivery log. */
@Injectable()
export class WebhookSubscriptions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: NewSubscriptionRow): Promise<SubscriptionRow> {
    const result: unknown = await manager.query(
      `INSERT INTO webhook_subscription (id, url, events, description, secret_sealed, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [row.id, row.url, row.events, row.description, row.secretSealed, row.createdBy],
    );
    return insertedRowOf(result, toRow);
  }

  /** Live subscriptions, newest first, after the keyset position `before` (exclusive). */
  async page(before: string | null, limit: number): Promise<SubscriptionRow[]> {
    const result: unknown = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscription
        WHERE deleted_at IS NULL AND ($1::bigint IS NULL OR position < $1::bigint)
        ORDER BY position DESC LIMIT $2`,
      [before, limit],
    );
    return rowsOf(result, toRow);
  }

  async findLive(id: string): Promise<SubscriptionRow | null> {
    const result: unknown = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscription WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return firstRowOf(result, toRow);
  }

  /** Marks a live subscription deleted and cancels its pending deliveries; null if none was live. */
  async remove(manager: EntityManager, id: string): Promise<SubscriptionRow | null> {
    const result: unknown = await manager.query(
      `UPDATE webhook_subscription SET deleted_at = now()
        WHERE id = $1 AND deleted_at IS NULL RETURNING ${COLUMNS}`,
      [id],
    );
    const [removed] = changedRowsOf(result, toRow);
    if (!removed) return null;
    await manager.query(
      `UPDATE webhook_delivery SET status = 'cancelled', next_attempt_at = NULL
        WHERE subscription_id = $1 AND status = 'pending'`,
      [id],
    );
    return removed;
  }
}
