import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AnnualReport, buildAnnualReport } from './annual-report';
import { KpiQueries } from './kpi-queries';
import { buildKpiReport, KpiReport } from './kpi-report';
import { Period, yearPeriod } from './report-period';

/** Reports for staff: SQL gathers the aggregates, the pure builders make the figures. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly queries: KpiQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async kpis(period: Period): Promise<KpiReport> {
    const aggregates = await this.queries.collect(
      period.from,
      period.to,
      this.config.policy.outcomeCalendarDays,
    );
    return buildKpiReport(aggregates, this.config.policy);
  }

  async annual(year: number): Promise<AnnualReport> {
    const { from, to } = yearPeriod(year);
    return buildAnnualReport(
      year,
      await this.queries.collect(from, to, this.config.policy.outcomeCalendarDays),
    );
  }
}
