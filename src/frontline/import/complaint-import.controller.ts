import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffActor, actorRef } from '../../auth/actor';
import { CurrentStaff, Roles } from '../../auth/auth.decorators';
import { LargeBody } from '../../common/http/large-body';
import { ApiProblems } from '../../common/openapi/api-problems';
import { ImportComplaintsDto, ImportResultDto } from '../dto/import-complaints.dto';
import { ComplaintImportService } from './complaint-import.service';

/**
 * `POST /v1/frontline/complaints:import`. Fastify reads `:` as the start of a parameter, so the
 * literal colon is escaped as `::` (a test pins that it neither shadows nor is shadowed by
 * `/complaints/{reference}`).
 */
@ApiTags('frontline')
@Controller('v1/frontline')
export class ComplaintImportController {
  constructor(private readonly imports: ComplaintImportService) {}

  @Post('complaints::import')
  @HttpCode(200)
  @LargeBody()
  @Roles('frontline_agent', 'integration')
  @ApiOperation({
    summary: 'Import up to 1,000 complaints from a CRM, with their final responses',
    description:
      'Each item is recorded or refused on its own, all or nothing (its complaint, final response, ' +
      'audit entries and events together), and the answer says which: `created`, `unchanged` ' +
      '(this externalId of the caller already made the same complaint; nothing is written) or ' +
      '`refused` with a problem (a time out of range, or 409 `COMPLAINT_EXTERNAL_ID_CONFLICT` when ' +
      'the externalId already made a complaint with other content, listed in `differences`). So ' +
      'a whole batch may be sent again after a failure. A body that does not match the schema is ' +
      'refused as a whole (400, paths such as `complaints.3.customer.email`) and nothing is ' +
      'written. The body may be as large as IMPORT_BODY_LIMIT (16 MB by default).',
  })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiProblems(400, 413)
  import(
    @Body() body: ImportComplaintsDto,
    @CurrentStaff() staff: StaffActor,
  ): Promise<ImportResultDto> {
    return this.imports.import(body.complaints, actorRef(staff));
  }
}
