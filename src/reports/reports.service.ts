import { Injectable } from '@nestjs/common';
import { AnnualReport, buildAnnualReport } from './annual-report';
import { KpiInputsService } from './kpi-inputs.service';
import { buildKpiReport, KpiReport } from './kpi-report';
import { Period, yearPeriod } from './report-period';

/** Reports for staff: SQL gathers the aggregates, the pure builders make the figures. */
@Injectable()
export class ReportsService {
  constructor(private readonly queries: KpiInputsService) {}

  async kpis(period: Period): Promise<KpiReport> {
    const policy = await this.queries.policy();
    const aggregates = await this.queries.collect(period.from, period.to, policy);
    return buildKpiReport(aggregates, policy);
  }

  async annual(year: number): Promise<AnnualReport> {
    const { from, to } = yearPeriod(year);
    const aggregates = await this.queries.collect(from, to, await this.queries.policy());
    return buildAnnualReport(year, aggregates);
  }
}
