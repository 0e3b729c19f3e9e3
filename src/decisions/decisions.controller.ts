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
import { IssueDecisionDto, ReviseDecisionDto } from './dto/decision-requests.dto';
import { StaffDecisionDto } from './dto/decision-view.dto';
import { DecisionsService } from './decisions.service';

/** Decisions of the ombudsman: only the `ombudsman` role decides; officers and auditors read. */
@ApiTags('decisions')
@Controller('v1/admin/cases/:reference/decision')
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiProblems(404)
@StaffCaseWrites()
export class DecisionsController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly decisions: DecisionsService,
  ) {}

  @Post()
  @Roles('ombudsman')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Issue the decision on a case (ombudsman only)',
    description:
      'From `investigation` or `mediation`; the case moves to `decision_issued` and the customer ' +
      'has the configured number of days (30) to answer. Open proposals are superseded. A case ' +
      'has one decision: a second request answers 409 `DECISION_EXISTS`. Remedies above the ' +
      'four-eyes limit leave the decision `awaiting_approval` until approved and issued.',
  })
  @ApiCreatedResponse({ type: StaffDecisionDto })
  @ApiProblems(400, 409)
  async issue(
    @Param('reference') reference: string,
    @Body() body: IssueDecisionDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<StaffDecisionDto> {
    const c = await this.cases.byReference(reference);
    return this.decisions.issue(c.id, body, actor);
  }

  @Post('revisions')
  @Roles('ombudsman')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Correct the decision with a new revision and a reason (ombudsman only)',
    description:
      'Possible while the customer has not answered. The earlier revision stays readable; the ' +
      'parties see the current one and that it was revised. Its content hash joins the audit chain.',
  })
  @ApiCreatedResponse({ type: StaffDecisionDto })
  @ApiProblems(400, 409)
  async revise(
    @Param('reference') reference: string,
    @Body() body: ReviseDecisionDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<StaffDecisionDto> {
    const c = await this.cases.byReference(reference);
    return this.decisions.revise(c.id, body, actor);
  }

  @Post('issue')
  @Roles('ombudsman')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue the decision revision that waited for approval of its remedies',
    description: 'Refused with 409 `REMEDY_APPROVAL_REQUIRED` while an approval is missing.',
  })
  @ApiOkResponse({ type: StaffDecisionDto })
  @ApiProblems(409)
  async issuePending(
    @Param('reference') reference: string,
    @CurrentStaff() actor: StaffActor,
  ): Promise<StaffDecisionDto> {
    const c = await this.cases.byReference(reference);
    return this.decisions.issuePending(c.id, actor);
  }

  @Get()
  @Roles('ombudsman_officer', 'ombudsman', 'auditor')
  @ApiOperation({ summary: 'The decision with every revision, drafts and content hashes' })
  @ApiOkResponse({ type: StaffDecisionDto })
  async read(@Param('reference') reference: string): Promise<StaffDecisionDto> {
    const c = await this.cases.byReference(reference);
    return this.decisions.read(c.id, c.reference);
  }
}
