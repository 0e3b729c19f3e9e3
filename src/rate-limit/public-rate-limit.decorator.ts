import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiProblems } from '../common/openapi/api-problems';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

/**
 * Limits a controller or route to RATE_LIMIT_PER_MINUTE requests per client address; all routes
 * carrying it share one count per address. Not global on purpose: staff routes are not limited.
 */
export function PublicRateLimit() {
  return applyDecorators(UseGuards(PublicRateLimitGuard), ApiProblems(429));
}
