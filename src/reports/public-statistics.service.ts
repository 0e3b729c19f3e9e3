import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { KpiInputsService } from './kpi-inputs.service';
import { buildPublicStatistics, PublicStatistics } from './public-statistics';
import { yearPeriod } from './report-period';

export interface PublishedStatistics {
  readonly body: PublicStatistics;
  readonly etag: string;
}

/** How long one instance serves a year's statistics before computing them again. */
const FRESH_MS = 60_000;

/**
 * The public statistics, computed at most once a minute per year and instance. The cache holds
 * only a public aggregate that any instance can rebuild from the database, so nothing another
 * instance needs lives here; two instances may briefly serve different minutes.
 */
@Injectable()
export class PublicStatisticsService {
  private readonly cache = new Map<number, { at: number; value: Promise<PublishedStatistics> }>();

  constructor(private readonly queries: KpiInputsService) {}

  forYear(year: number, now = Date.now()): Promise<PublishedStatistics> {
    const cached = this.cache.get(year);
    if (cached && now - cached.at < FRESH_MS) return cached.value;
    // Concurrent first requests share one computation; a failure is not cached.
    const value = this.compute(year).catch((error: unknown) => {
      this.cache.delete(year);
      throw error;
    });
    this.cache.set(year, { at: now, value });
    return value;
  }

  private async compute(year: number): Promise<PublishedStatistics> {
    const { from, to } = yearPeriod(year);
    const aggregates = await this.queries.collect(from, to, await this.queries.policy());
    const body = buildPublicStatistics(year, aggregates);
    const digest = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
    return { body, etag: `"${digest.slice(0, 27)}"` };
  }
}
