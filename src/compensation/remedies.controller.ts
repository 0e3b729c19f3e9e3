import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { StaffActor } from '../auth/actor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { CaseReader } from '../cases/case-reader.service';
import { StaffCaseWrites } from '../cases/conflicts/staff-case-writes.decorator';
import { ApiProblems } from '../common/openapi/api-problems';
import { BudgetService } from './budget.service';
import {
  BudgetDto,
  BudgetQueryDto,
  ConfirmFulfilmentDto,
  RemedyQueryDto,
} from './dto/compensation-requests.dto';
import { RemedyApprovedDto, RemedyPageDto, StaffRemedyDto } from './dto/remedy.dto';
import { FulfilmentService } from './fulfilment.service';
import { RemedyApprovals } from './remedy-approvals.service';
import { RemedyQueries } from './remedy-queries.service';
import { UuidOr404 } from '../common/http/uuid-param.pipe';

const REMEDY_ID = new UuidOr404('REMEDY_NOT_FOUND');
const READERS = ['ombudsman_officer', 'ombudsman', 'auditor'] as const;

/** Remedies of a case for ombudsman staff: approvals above the authority limits, confirmation. */
@ApiTags('compensation')
@Controller('v1/admin/cases/:reference/remedies')
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiProblems(404)
@StaffCaseWrites()
export class CaseRemediesController {
  constructor(
    private readonly cases: CaseReader,
    private readonly approvals: RemedyApprovals,
    private readonly fulfilment: FulfilmentService,
    private readonly queries: RemedyQueries,
  ) {}

  @Get()
  @Roles(...READERS)
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

/** Remedies across cases and the yearly budget. */
@ApiTags('compensation')
@Controller('v1/admin')
@Roles(...READERS)
export class CompensationController {
  constructor(
    private readonly queries: RemedyQueries,
    private readonly budget: BudgetService,
  ) {}

  @Get('remedies')
  @ApiOperation({
    summary: 'Remedies across cases; `overdue=true` lists owed ones past their deadline',
  })
  @ApiOkResponse({ type: RemedyPageDto })
  @ApiProblems(400)
  list(@Query() query: RemedyQueryDto): Promise<RemedyPageDto> {
    return this.queries.list(query);
  }

  @Get('compensation/budget')
  @ApiOperation({
    summary: 'The yearly compensation budget per currency: budget, committed, paid and left',
    description: 'A remedy counts in the year it became binding: committed while owed, then paid.',
  })
  @ApiOkResponse({ type: BudgetDto })
  @ApiProblems(400)
  budgetFor(@Query() query: BudgetQueryDto): Promise<BudgetDto> {
    return this.budget.forYear(query.year ?? new Date().getUTCFullYear());
  }
}
