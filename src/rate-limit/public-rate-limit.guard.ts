import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainError } from '../common/errors/domain-error';

/** Requests already counted: a route limited by its controller and by its own decorator too. */
const COUNTED = new WeakSet<object>();

/**
 * The throttler, answering like every other error of the API: problem+json with code
 * RATE_LIMITED and `Retry-After` (the problem filter turns `retryAfterSeconds` into the header).
 * A request is counted once however many times the guard is attached to its route.
 */
@Injectable()
export class PublicRateLimitGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<object>();
    if (COUNTED.has(request)) return true;
    COUNTED.add(request);
    return super.canActivate(context);
  }

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
