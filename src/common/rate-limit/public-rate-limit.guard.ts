import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainError } from '../errors/domain-error';

/**
 * The throttler, answering like every other error of the API: problem+json with code
 * RATE_LIMITED and `Retry-After` (the problem filter turns `retryAfterSeconds` into the header).
 */
@Injectable()
export class PublicRateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new DomainError(
      'RATE_LIMITED',
      `More than ${detail.limit} requests a minute from your address; retry in ${detail.timeToBlockExpire} s`,
      { retryAfterSeconds: detail.timeToBlockExpire },
    );
  }
}
