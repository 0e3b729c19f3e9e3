import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SlaPolicies } from '../sla/policies/sla-policies.service';
import { collectKpiAggregates } from './kpi-sql';
import { KpiAggregates, KpiPolicy } from './kpi-report';

/**
 * The KPI aggregates of a period, read through the service's data source, and the deadline
 * policies in force they are measured against (changed by `PUT /v1/admin/sla/policies`, not the
 * start-up defaults).
 */
@Injectable()
export class KpiQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: SlaPolicies,
  ) {}

  async policy(): Promise<KpiPolicy> {
    const [acknowledge, outcome] = await Promise.all([
      this.policies.termOf('acknowledge'),
      this.policies.termOf('outcome'),
    ]);
    return { acknowledge, outcome };
  }

  collect(from: Date, to: Date, policy: KpiPolicy): Promise<KpiAggregates> {
    return collectKpiAggregates(
      (sql, params) => this.dataSource.query(sql, params),
      from,
      to,
      policy.outcome,
    );
  }
}
