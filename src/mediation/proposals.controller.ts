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
import { UuidOr404 } from '../common/http/uuid-param.pipe';
import { ProposalMadeDto, StaffProposalDto } from './dto/proposal-view.dto';
import { MakeProposalDto } from './dto/proposal-requests.dto';
import { ProposalsService } from './proposals.service';

const PROPOSAL_ID = new UuidOr404('PROPOSAL_NOT_FOUND');

/** Mediation for ombudsman staff: proposals to both parties, and their history. */
@ApiTags('mediation')
@Controller('v1/admin/cases/:reference/proposals')
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiProblems(404)
@StaffCaseWrites()
export class ProposalsController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly proposals: ProposalsService,
  ) {}

  @Post()
  @Roles('ombudsman_officer', 'ombudsman')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Make a mediation proposal to the customer and the company',
    description:
      'By the assigned officer or an ombudsman, while the case is under investigation or in ' +
      'mediation; the first proposal moves the case to `mediation`, a newer one supersedes the ' +
      'open one. Remedies above the authority limit leave the proposal `awaiting_approval` ' +
      'until approved and sent. `budgetWarnings` tells when the offer would exceed the yearly ' +
      'budget; the proposal is made regardless.',
  })
  @ApiCreatedResponse({ type: ProposalMadeDto })
  @ApiProblems(400, 403, 409)
  async propose(
    @Param('reference') reference: string,
    @Body() body: MakeProposalDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<ProposalMadeDto> {
    const c = await this.cases.byReference(reference);
    return this.proposals.propose(c.id, body, actor);
  }

  @Post(':proposalId/send')
  @Roles('ombudsman_officer', 'ombudsman')
  @HttpCode(200)
  @ApiParam({ name: 'proposalId', format: 'uuid' })
  @ApiOperation({
    summary: 'Send a proposal that was awaiting approval to both parties',
    description:
      'Refused with 409 `REMEDY_APPROVAL_REQUIRED` while an approval is missing, and with 409 ' +
      '`PROPOSAL_EXPIRED` when its expiry passed while it waited: make a new proposal then.',
  })
  @ApiOkResponse({ type: StaffProposalDto })
  @ApiProblems(403, 409)
  async send(
    @Param('reference') reference: string,
    @Param('proposalId', PROPOSAL_ID) proposalId: string,
    @CurrentStaff() actor: StaffActor,
  ): Promise<StaffProposalDto> {
    const c = await this.cases.byReference(reference);
    return this.proposals.send(c.id, proposalId, actor);
  }

  @Get()
  @Roles('ombudsman_officer', 'ombudsman', 'auditor')
  @ApiOperation({
    summary: 'Every proposal of the case, drafts and the parties’ reasons included',
  })
  @ApiOkResponse({ type: [StaffProposalDto] })
  async list(@Param('reference') reference: string): Promise<StaffProposalDto[]> {
    const c = await this.cases.byReference(reference);
    return this.proposals.list(c.id, c.reference, c.status);
  }
}
