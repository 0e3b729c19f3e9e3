import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { collectKpiAggregates } from './kpi-sql';
import { KpiAggregates } from './kpi-report';

/** The KPI aggregates of a period, read through the service's data source. */
@Injectable()
export class KpiQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  collect(from: Date, to: Date, outcomeDays: number): Promise<KpiAggregates> {
    return collectKpiAggregates(
      (sql, params) => this.dataSource.query(sql, params),
      from,
      to,
      outcomeDays,
    );
  }
}
