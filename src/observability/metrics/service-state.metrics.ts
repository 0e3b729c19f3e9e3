import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { MetricsRegistry } from './metrics-registry';
import { ServiceState, ServiceStateRepository } from './service-state.repository';

/**
 * Gauges computed when Prometheus scrapes, never on a request: one read of the tables serves every
 * scrape within `METRICS_CACHE_MS` (concurrent scrapes share it), and the connection pool is read
 * from memory.
 */
@Injectable()
export class ServiceStateMetrics {
  private cached?: { readonly at: number; readonly state: Promise<ServiceState> };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ServiceStateRepository,
    metrics: MetricsRegistry,
  ) {
    const registers = [metrics.registry];
    const state = () => this.state();
    const pool = () => this.pool();
    new Gauge({
      name: 'ombudsman_db_pool_connections_in_use',
      help: 'Database connections held by a request or job',
      registers,
      collect() {
        const p = pool();
        this.set(p ? p.totalCount - p.idleCount : 0);
      },
    });
    new Gauge({
      name: 'ombudsman_db_pool_waiting_requests',
      help: 'Requests waiting for a free database connection',
      registers,
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
    new Gauge({
      name: 'ombudsman_cases',
      help: 'Ombudsman cases by status',
      labelNames: ['status'] as const,
      registers,
      async collect() {
        const { casesByStatus } = await state();
        this.reset();
        for (const row of casesByStatus) this.set({ status: row.status }, row.count);
      },
    });
    new Gauge({
      name: 'ombudsman_deadlines_open',
      help: 'Deadlines not yet met that are at risk (80% of their time used) or breached, by kind',
      labelNames: ['kind', 'state'] as const,
      registers,
      async collect() {
        const { deadlines } = await state();
        this.reset();
        for (const row of deadlines) this.set({ kind: row.kind, state: row.state }, row.count);
      },
    });
    this.single(
      'ombudsman_outbox_lag_seconds',
      'Age of the oldest event not yet handed to webhooks',
      (s) => s.outboxLagSeconds,
      registers,
    );
    this.single(
      'ombudsman_outbox_pending_events',
      'Events not yet handed to webhooks',
      (s) => s.outboxPending,
      registers,
    );
    this.single(
      'ombudsman_webhook_deliveries_pending',
      'Webhook deliveries waiting for a (next) attempt',
      (s) => s.webhookPending,
      registers,
    );
    this.single(
      'ombudsman_webhook_deliveries_failed',
      'Webhook deliveries that used every attempt (kept for the retention period)',
      (s) => s.webhookFailed,
      registers,
    );
    this.single(
      'ombudsman_webhook_oldest_pending_seconds',
      'Age of the oldest webhook delivery still pending',
      (s) => s.webhookOldestPendingSeconds,
      registers,
    );
  }

  private single(
    name: string,
    help: string,
    read: (state: ServiceState) => number,
    registers: MetricsRegistry['registry'][],
  ): void {
    const state = () => this.state();
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        this.set(read(await state()));
      },
    });
  }

  private state(): Promise<ServiceState> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= this.config.metrics.cacheMs) {
      const state = this.repository.read();
      // A failed read is not kept: the next scrape tries again.
      state.catch(() => (this.cached = undefined));
      this.cached = { at: now, state };
    }
    return this.cached.state;
  }

  private pool(): Pool | undefined {
    const driver = this.dataSource.driver as { master?: Pool };
    return driver.master;
  }
}
