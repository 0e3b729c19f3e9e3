import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { ApiProblems } from '../../common/openapi/api-problems';
import { PublicRateLimit } from '../../rate-limit/public-rate-limit.decorator';
import { AccessLinkAcceptedDto, AccessLinkRequestDto } from './access-link.dto';
import { AccessLinkService } from './access-link.service';

const ANSWER: AccessLinkAcceptedDto = {
  message: 'If this address belongs to the case, a message with a new access link is on its way.',
};

@ApiTags('escalations (customers)')
@Controller('v1/escalations/:reference/access-link')
@PublicRateLimit()
export class AccessLinkController {
  constructor(private readonly links: AccessLinkService) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a new access link by e-mail',
    description:
      'No login. Always answers 202, whether or not the address is the one the case was filed ' +
      'with, so the answer tells nobody anything. When it is (case and surrounding spaces ' +
      'ignored), a new access token replaces the old one, which stops working, and the ' +
      'customer gets a message with a link carrying it; the replacement is recorded on the ' +
      'case (staff timeline, audit chain). Limited per client address (the public rate limit), ' +
      'to a few links per e-mail address and hour over all its cases ' +
      '(`ACCESS_LINKS_PER_ADDRESS_PER_HOUR`) and per case and hour ' +
      '(`ACCESS_LINKS_PER_CASE_PER_HOUR`).',
  })
  @ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
  @ApiAcceptedResponse({ type: AccessLinkAcceptedDto })
  @ApiProblems(400, 413, 415)
  async request(
    @Param('reference') reference: string,
    @Body() body: AccessLinkRequestDto,
  ): Promise<AccessLinkAcceptedDto> {
    await this.links.request(reference.slice(0, 64), body.email);
    return ANSWER;
  }
}
