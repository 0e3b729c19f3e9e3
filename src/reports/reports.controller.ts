import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../common/openapi/api-problems';
import { AnnualReportDto } from './dto/annual-report.dto';
import { KpiReportDto } from './dto/kpi-report.dto';
import { KpiQueryDto, YearQueryDto } from './dto/report-query.dto';
import { ANNUAL_REPORT_CSP, annualReportHtml, toCsv } from './report-formats';
import { parsePeriod } from './report-period';
import { ReportsService } from './reports.service';

const OFFICE_NAME = 'Customer ombudsman';

const wants = (accept: string | undefined, type: string) =>
  (accept ?? '').toLowerCase().includes(type);

@ApiTags('reports (ombudsman staff)')
@ApiExtraModels(KpiReportDto, AnnualReportDto)
@Controller('v1/admin/reports')
@Roles('ombudsman_officer', 'ombudsman', 'auditor')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('kpis')
  @ApiOperation({
    summary: 'Key performance indicators for a period (default: this calendar year)',
    description:
      'Received cases are counted by receipt in the period, outcomes and durations by closure in ' +
      'the period. Shares are percentages with one decimal, null when there is nothing to divide. ' +
      '`Accept: text/csv` answers the same figures as `metric,value` lines.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(KpiReportDto) } },
      'text/csv': {
        schema: { type: 'string' },
        example: 'metric,value\r\ncasesReceived,120\r\nbyStatus.submitted,5\r\n',
      },
    },
  })
  @ApiProblems(400)
  async kpis(
    @Query() query: KpiQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<KpiReportDto | string> {
    const report = await this.reports.kpis(parsePeriod(query.from, query.to, new Date()));
    if (!wants(accept, 'text/csv')) return report;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="kpis.csv"');
    return toCsv(report);
  }

  @Get('annual')
  @ApiOperation({
    summary: 'The yearly activity report, as JSON or as a printable page (Accept: text/html)',
    description:
      'Disputes received and their types, refusals and why, discontinued disputes, duration, ' +
      'compliance with outcomes and recurring problems, as an ADR body publishes them.',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AnnualReportDto) } },
      'text/html': {
        schema: { type: 'string' },
        example: '<!doctype html><html lang="en">…</html>',
      },
    },
  })
  @ApiProblems(400)
  async annual(
    @Query() query: YearQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AnnualReportDto | string> {
    const report = await this.reports.annual(query.year ?? new Date().getUTCFullYear());
    if (!wants(accept, 'text/html')) return report;
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', ANNUAL_REPORT_CSP);
    return annualReportHtml(report, OFFICE_NAME);
  }
}
