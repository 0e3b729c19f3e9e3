import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { ApiProblems } from '../common/openapi/api-problems';
import { PublicStatisticsDto } from './dto/public-statistics.dto';
import { YearQueryDto } from './dto/report-query.dto';
import { PublicStatisticsService } from './public-statistics.service';

/** Browsers and proxies may keep the statistics for five minutes; they change slowly. */
const CACHE_CONTROL = 'public, max-age=300';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

@ApiTags('public statistics')
@Controller('v1/public/statistics')
export class PublicStatisticsController {
  constructor(private readonly statistics: PublicStatisticsService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The office’s published performance for a year (no login)',
    description:
      'Volumes, timeliness, outcomes, uphold rate, compensation paid, satisfaction and corrective ' +
      'actions implemented. No personal data; a figure built from fewer than five cases is ' +
      'shown as `{ "value": null, "suppressed": true }`, and so is the next smallest outcome ' +
      'where a suppressed one could otherwise be recovered from the total. Cacheable: send the ' +
      'ETag back as ' +
      '`If-None-Match` for a 304.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag from before' })
  @ApiOkResponse({
    type: PublicStatisticsDto,
    headers: {
      ETag: { schema: { type: 'string' } },
      'Cache-Control': { schema: { type: 'string', example: CACHE_CONTROL } },
    },
  })
  @ApiResponse({ status: 304, description: 'Not modified since the ETag you sent' })
  @ApiProblems(400)
  async read(
    @Query() query: YearQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicStatisticsDto | undefined> {
    const published = await this.statistics.forYear(query.year ?? new Date().getUTCFullYear());
    void reply.header('cache-control', CACHE_CONTROL).header('etag', published.etag);
    if (matches(ifNoneMatch, published.etag)) {
      void reply.status(304);
      return undefined;
    }
    return published.body;
  }
}
