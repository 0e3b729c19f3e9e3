import { Module } from '@nestjs/common';
import { KpiAggregatesRepository } from './kpi-aggregates.repository';
import { KpiCompactionJob } from './kpi-compaction.job';
import { KpiCompactionRepository } from './kpi-compaction.repository';
import { KpiInputsService } from './kpi-inputs.service';
import { PublicStatisticsController } from './public-statistics.controller';
import { PublicStatisticsService } from './public-statistics.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { SlaModule } from '../sla/sla.module';

/** KPIs, the annual activity report and the public statistics. */
@Module({
  imports: [SlaModule],
  controllers: [ReportsController, PublicStatisticsController],
  providers: [
    KpiAggregatesRepository,
    KpiInputsService,
    KpiCompactionRepository,
    KpiCompactionJob,
    ReportsService,
    PublicStatisticsService,
  ],
})
export class ReportsModule {}
