import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Roles } from '../../auth/auth.decorators';
import { ApiProblems } from '../../common/openapi/api-problems';
import { CaseReaderService } from '../../cases/case-reader.service';
import { StaffCaseDto } from '../../views/staff/staff-case.dto';
import { StaffCaseViewService } from '../../views/staff/staff-case-view.service';

@ApiTags('cases (ombudsman staff)')
@Controller('v1/admin/cases')
export class CasesController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly view: StaffCaseViewService,
  ) {}

  @Get(':reference')
  @Roles('ombudsman_officer', 'ombudsman', 'auditor')
  @ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
  @ApiOperation({ summary: 'Read the full case, internal notes included' })
  @ApiOkResponse({
    type: StaffCaseDto,
    headers: {
      ETag: { description: 'The case version, for If-Match on writes', schema: { type: 'string' } },
    },
  })
  @ApiProblems(404)
  async read(
    @Param('reference') reference: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffCaseDto> {
    const found = await this.cases.byReference(reference);
    void reply.header('etag', `"${found.version}"`);
    return this.view.build(found);
  }
}
