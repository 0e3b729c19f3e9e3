import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { float, integer, oneOf, RawRow, rowsOf, text } from '../../common/sql-rows';

/** What the service's tables say at one instant, for the scrape. */
export interface ServiceState {
  readonly casesByStatus: readonly { status: string; count: number }[];
  readonly deadlines: readonly { kind: string; state: 'at_risk' | 'breached'; count: number }[];
  /** Age of the oldest event not yet handed to the webhook dispatcher, 0 when there is none. */
  readonly outboxLagSeconds: number;
  readonly outboxPending: number;
  readonly webhookPending: number;
  readonly webhookFailed: number;
  /** Age of the oldest delivery still waiting to succeed, 0 when there is none. */
  readonly webhookOldestPendingSeconds: number;
}

/**
 * The SQL behind the scrape-time gauges. It reads the business tables by name, not through their
 * modules: the platform knows no capability. Every query is served by an index the service keeps
 * anyway (status per case, flagged open deadlines, pending outbox events and deliveries).
 */
@Injectable()
export class ServiceStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(): Promise<ServiceState> {
    const [cases, deadlines, outbox, webhooks] = await Promise.all([
      this.rows(
        'SELECT status, count(*)::int AS count FROM ombudsman_case GROUP BY status',
        (row) => ({ status: text(row, 'status'), count: integer(row, 'count') }),
      ),
      this.rows(
        // One arm per partial index (ix_case_deadline_at_risk_open, ix_case_deadline_breached_open).
        `SELECT kind, 'at_risk' AS state, count(*)::int AS count FROM case_deadline
          WHERE at_risk_at IS NOT NULL AND breached_at IS NULL AND met_at IS NULL
            AND cancelled_at IS NULL
          GROUP BY kind
         UNION ALL
         SELECT kind, 'breached', count(*)::int FROM case_deadline
          WHERE breached_at IS NOT NULL AND met_at IS NULL AND cancelled_at IS NULL
          GROUP BY kind`,
        (row) => ({
          kind: text(row, 'kind'),
          state: oneOf(row, 'state', ['at_risk', 'breached'] as const),
          count: integer(row, 'count'),
        }),
      ),
      this.rows(
        `SELECT coalesce(extract(epoch FROM now() - (
                  SELECT occurred_at FROM outbox_event WHERE dispatched_at IS NULL
                   ORDER BY position LIMIT 1)), 0)::float8 AS lag,
                (SELECT count(*) FROM outbox_event WHERE dispatched_at IS NULL)::int AS pending`,
        (row) => ({ lag: float(row, 'lag'), pending: integer(row, 'pending') }),
      ),
      this.rows(
        `SELECT count(*)::int AS pending,
                coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest,
                (SELECT count(*) FROM webhook_delivery WHERE status = 'failed')::int AS failed
           FROM webhook_delivery WHERE status = 'pending'`,
        (row) => ({
          pending: integer(row, 'pending'),
          failed: integer(row, 'failed'),
          oldest: float(row, 'oldest'),
        }),
      ),
    ]);
    return {
      casesByStatus: cases,
      deadlines,
      outboxLagSeconds: outbox[0]?.lag ?? 0,
      outboxPending: outbox[0]?.pending ?? 0,
      webhookPending: webhooks[0]?.pending ?? 0,
      webhookFailed: webhooks[0]?.failed ?? 0,
      webhookOldestPendingSeconds: webhooks[0]?.oldest ?? 0,
    };
  }

  private async rows<T>(sql: string, map: (row: RawRow) => T): Promise<T[]> {
    return rowsOf(await this.dataSource.query(sql), map);
  }
}
