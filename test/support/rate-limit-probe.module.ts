import { Controller, Get, Module } from '@nestjs/common';
import { Public } from '../../src/auth/auth.decorators';
import { PublicRateLimit } from '../../src/rate-limit/public-rate-limit.decorator';

/** Decorated on one route only; its sibling stands for a route that is not limited. */
@Controller('probe/rate')
@Public()
class RouteLimitedProbeController {
  @Get('limited')
  @PublicRateLimit()
  limited(): { ok: true } {
    return { ok: true };
  }

  @Get('unlimited')
  unlimited(): { ok: true } {
    return { ok: true };
  }
}

/** Decorated on the class: every route of it is limited. */
@Controller('probe/rate-class')
@Public()
@PublicRateLimit()
class ClassLimitedProbeController {
  @Get()
  limited(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [RouteLimitedProbeController, ClassLimitedProbeController] })
export class RateLimitProbeModule {}
