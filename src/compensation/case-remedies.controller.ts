import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { StaffActor } from '../auth/actor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { CaseReaderService } from '../cases/case-reader.service';
import { StaffCaseWrites } from '../cases/conflicts/staff-case-writes.decorator';
import { ApiProblems } from '../common/openapi/api-problems';
import { ConfirmFulfilmentDto } from './dto/compensation-requests.dto';
import { RemedyApprovedDto, StaffRemedyDto } from './dto/remedy.dto';
import { FulfilmentService } from './fulfilment.service';
import { RemedyApprovalsService } from './remedy-approvals.service';
import { RemedyQueriesService } from './remedy-queries.service';
import { UuidOr404 } from '../common/http/uuid-param.pipe';
import { REMEDY_READERS } from './remedy-readers';

const REMEDY_ID = new UuidOr404('REMEDY_NOT_FOUND');

/** Remedies of a case for ombudsman staff: approvals above the authority limits, confirmation. */
@ApiTags('compensation')
@Controller('v1/admin/cases/:reference/remedies')
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiProblems(404)
@StaffCaseWrites()
export class CaseRemediesController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly approvals: RemedyApprovalsService,
    private readonly fulfilment: FulfilmentService,
    private readonly queries: RemedyQueriesService,
  ) {}

  @Get()
  @Roles(...REMEDY_READERS)
  @ApiOperation({ summary: 'Every remedy of the case with its approvals and fulfilment' })
  @ApiOkResponse({ type: [StaffRemedyDto] })
  async list(@Param('reference') reference: string): Promise<StaffRemedyDto[]> {
    return this.queries.forCase((await this.cases.byReference(reference)).id);
  }

  @Post(':remedyId/approvals')
  @Roles('ombudsman_officer', 'ombudsman')
  @HttpCode(201)
  @ApiParam({ name: 'remedyId', format: 'uuid' })
  @ApiOperation({
    summary: 'Approve a remedy above the officer’s authority limit (ombudsman)',
    description:
      'Above limit A one ombudsman approves; above limit B two different ombudsmen. Nobody ' +
      'approves their own remedy (403 `REMEDY_SELF_APPROVAL`) or the same one twice (409).',
  })
  @ApiCreatedResponse({ type: RemedyApprovedDto })
  @ApiProblems(403, 409)
  async approve(
    @Param('reference') reference: string,
    @Param('remedyId', REMEDY_ID) remedyId: string,
    @CurrentStaff() actor: StaffActor,
  ): Promise<RemedyApprovedDto> {
    const c = await this.cases.byReference(reference);
    return this.approvals.approve(c.id, remedyId, actor);
  }

  @Post(':remedyId/confirmation')
  @Roles('ombudsman_officer', 'ombudsman')
  @HttpCode(200)
  @ApiParam({ name: 'remedyId', format: 'uuid' })
  @ApiOperation({
    summary: 'Confirm or dispute the fulfilment the company recorded',
    description: 'A dispute is shown to the company, which must look again at what it recorded.',
  })
  @ApiOkResponse({ type: StaffRemedyDto })
  @ApiProblems(400, 409)
  async confirm(
    @Param('reference') reference: string,
    @Param('remedyId', REMEDY_ID) remedyId: string,
    @Body() body: ConfirmFulfilmentDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<StaffRemedyDto> {
    const c = await this.cases.byReference(reference);
    return this.fulfilment.confirm(c.id, remedyId, body, actor);
  }
}
