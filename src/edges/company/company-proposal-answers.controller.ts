import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { StaffActor, namedRef } from '../../auth/actor';
import { CurrentStaff, Roles } from '../../auth/auth.decorators';
import { CaseReaderService } from '../../cases/case-reader.service';
import { CompanyCaseViewService } from '../../views/company/company-case-view.service';
import { CompanyCaseViewDto } from '../../views/company/company-view.dto';
import { ApiProblems } from '../../common/openapi/api-problems';
import { UuidOr404 } from '../../common/http/uuid-param.pipe';
import { AnswerDto } from '../../mediation/dto/proposal-requests.dto';
import { Answer, ProposalAnswersService } from '../../mediation/answers/proposal-answers.service';

const PROPOSAL_ID = new UuidOr404('PROPOSAL_NOT_FOUND');

/**
 * The company's answer to a mediation proposal. The answering is mediation's
 * (ProposalAnswersService, src/mediation/answers); the route is here because it answers with the
 * company's view of the case, a read model above mediation (docs/architecture.md).
 */
@ApiTags('cases (company)')
@Controller('v1/frontline/cases/:reference/proposals/:proposalId')
@Roles('frontline_agent', 'integration')
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiParam({ name: 'proposalId', format: 'uuid' })
@ApiProblems(400, 404, 409)
export class CompanyProposalAnswersController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly view: CompanyCaseViewService,
    private readonly answers: ProposalAnswersService,
  ) {}

  @Post('accept')
  @HttpCode(200)
  @ApiOkResponse({ type: CompanyCaseViewDto })
  @ApiBody({ type: AnswerDto, required: false })
  @ApiOperation({
    summary: 'Accept a proposal for the company',
    description:
      'Once the customer has accepted too, the case is settled and the remedies are owed, each ' +
      'with a payment deadline. A closed, expired or superseded proposal answers 409.',
  })
  accept(
    @Param('reference') reference: string,
    @Param('proposalId', PROPOSAL_ID) proposalId: string,
    @Body() body: AnswerDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<CompanyCaseViewDto> {
    return this.answer(reference, proposalId, 'accepted', body, actor);
  }

  @Post('reject')
  @HttpCode(200)
  @ApiOkResponse({ type: CompanyCaseViewDto })
  @ApiBody({ type: AnswerDto, required: false })
  @ApiOperation({ summary: 'Reject a proposal for the company, with a reason if you wish' })
  reject(
    @Param('reference') reference: string,
    @Param('proposalId', PROPOSAL_ID) proposalId: string,
    @Body() body: AnswerDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<CompanyCaseViewDto> {
    return this.answer(reference, proposalId, 'rejected', body, actor);
  }

  private async answer(
    reference: string,
    proposalId: string,
    answer: Answer,
    body: AnswerDto,
    actor: StaffActor,
  ): Promise<CompanyCaseViewDto> {
    const c = await this.cases.byReference(reference);
    await this.answers.answer(c.id, proposalId, 'company', answer, namedRef(actor), body?.reason);
    return this.view.build(await this.cases.byId(c.id));
  }
}
