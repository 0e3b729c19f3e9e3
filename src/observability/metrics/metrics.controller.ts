import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '../../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ApiProblems } from '../../common/openapi/api-problems';
import { MetricsRegistry } from './metrics-registry';
import { assertMayScrape } from './scrape-access';

const EXAMPLE = [
  '# HELP ombudsman_cases Ombudsman cases by status',
  '# TYPE ombudsman_cases gauge',
  'ombudsman_cases{status="investigation"} 12',
].join('\n');

/** Prometheus scrapes here; not a staff route, so its own access rule instead of a role. */
@ApiTags('observability')
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsRegistry,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary: 'Prometheus metrics of this instance',
    description:
      'Prometheus text format. With `METRICS_TOKEN` set, send it as a bearer token; without it, ' +
      'only callers on the same machine (not through a proxy) are answered.',
  })
  @ApiBearerAuth('metricsToken')
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'The metrics, in the Prometheus text exposition format 0.0.4',
    content: { 'text/plain': { schema: { type: 'string', example: EXAMPLE } } },
  })
  @ApiProblems(401, 403)
  async scrape(@Req() request: FastifyRequest): Promise<string> {
    assertMayScrape(this.config.metrics.token, request.raw.socket.remoteAddress, request.headers);
    return this.metrics.registry.metrics();
  }
}
