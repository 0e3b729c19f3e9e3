import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorRef, StaffActor } from '../../auth/actor';
import { CurrentStaff, Roles } from '../../auth/auth.decorators';
import { ApiProblems } from '../../common/openapi/api-problems';
import { SlaPolicyListDto, UpdateSlaPoliciesDto } from '../dto/sla-policy.dto';
import { SlaPoliciesService } from './sla-policies.service';

@ApiTags('deadlines (ombudsman staff)')
@Controller('v1/admin/sla/policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Get()
  @Roles('ombudsman_officer', 'ombudsman', 'auditor')
  @ApiOperation({
    summary: 'Deadline policies: how long each kind of deadline runs',
    description:
      'Every kind of deadline, with the configured default unless someone changed it: ' +
      'acknowledge 2 business days, front-line response 15 business days, outcome 90 days, ' +
      'decision answer 30 days, remedy payment 28 days, information request 14 days.',
  })
  @ApiOkResponse({ type: SlaPolicyListDto })
  async list(): Promise<SlaPolicyListDto> {
    return { items: await this.policies.list() };
  }

  @Put()
  @Roles('ombudsman')
  @ApiOperation({
    summary: 'Change deadline policies',
    description:
      'The kinds listed change; the others stay. Audited. Counts for deadlines opened from now ' +
      'on; deadlines already running keep their dates.',
  })
  @ApiOkResponse({ type: SlaPolicyListDto })
  @ApiProblems(400, 422)
  async update(
    @Body() body: UpdateSlaPoliciesDto,
    @CurrentStaff() staff: StaffActor,
  ): Promise<SlaPolicyListDto> {
    return { items: await this.policies.update(body.policies, actorRef(staff)) };
  }
}
