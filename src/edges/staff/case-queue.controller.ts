import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffActor } from '../../auth/actor';
import { CurrentStaff, Roles } from '../../auth/auth.decorators';
import { ApiProblems } from '../../common/openapi/api-problems';
import { CaseQueueService } from '../../cases/queue/case-queue.service';
import { CaseQueuePageDto } from '../../cases/queue/dto/case-queue-page.dto';
import { CaseQueueQueryDto } from '../../cases/queue/dto/case-queue-query.dto';

@ApiTags('cases (ombudsman staff)')
@Controller('v1/admin/cases')
export class CaseQueueController {
  constructor(private readonly queue: CaseQueueService) {}

  @Get()
  @Roles('ombudsman_officer', 'ombudsman', 'auditor')
  @ApiOperation({
    summary: 'The case queue: filter, search and page through cases, newest first',
    description:
      'Keyset pages in a stable order (newest first): cases filed while you page appear on a ' +
      'fresh first page and never repeat or shift the pages you are walking. `q` searches the ' +
      'reference, customer name and e-mail, subject and description in any language.',
  })
  @ApiOkResponse({ type: CaseQueuePageDto })
  @ApiProblems(400)
  list(
    @Query() query: CaseQueueQueryDto,
    @CurrentStaff() staff: StaffActor,
  ): Promise<CaseQueuePageDto> {
    return this.queue.list(query, staff);
  }
}
