import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { actorRef, CustomerActor } from '../auth/actor';
import { CaseReader } from '../cases/case-reader.service';
import { ApiProblems } from '../common/openapi/api-problems';
import { UuidOr404 } from '../common/http/uuid-param.pipe';
import { DecisionAnswer, DecisionsService } from '../decisions/decisions.service';
import { AnswerDto } from '../mediation/dto/proposal-requests.dto';
import { Answer, MediationService } from '../mediation/mediation.service';
import { CaseTokenAuth } from '../cases/access/case-token.guard';
import { CurrentCustomer } from '../cases/access/current-customer.decorator';
import { CustomerViewBuilder } from '../views/customer/customer-view';
import { CustomerViewDto } from '../views/customer/customer-view.dto';

const PROPOSAL_ID = new UuidOr404('PROPOSAL_NOT_FOUND');

/** The customer's answers to a mediation proposal and to the decision. */
@ApiTags('escalations (customers)')
@Controller('v1/escalations/:reference')
@CaseTokenAuth()
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiProblems(400, 409)
export class EscalationAnswersController {
  constructor(
    private readonly cases: CaseReader,
    private readonly view: CustomerViewBuilder,
    private readonly mediation: MediationService,
    private readonly decisions: DecisionsService,
  ) {}

  @Post('proposals/:proposalId/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: CustomerViewDto })
  @ApiBody({ type: AnswerDto, required: false })
  @ApiParam({ name: 'proposalId', format: 'uuid' })
  @ApiOperation({
    summary: 'Accept a mediation proposal',
    description:
      'When the company accepts too, that is the agreement: the company must carry out the ' +
      'remedies by their deadline. A closed, expired or superseded proposal answers 409.',
  })
  acceptProposal(
    @CurrentCustomer() customer: CustomerActor,
    @Param('proposalId', PROPOSAL_ID) proposalId: string,
    @Body() body: AnswerDto,
  ): Promise<CustomerViewDto> {
    return this.answerProposal(customer, proposalId, 'accepted', body);
  }

  @Post('proposals/:proposalId/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: CustomerViewDto })
  @ApiBody({ type: AnswerDto, required: false })
  @ApiParam({ name: 'proposalId', format: 'uuid' })
  @ApiOperation({ summary: 'Reject a mediation proposal, with a reason if you wish' })
  rejectProposal(
    @CurrentCustomer() customer: CustomerActor,
    @Param('proposalId', PROPOSAL_ID) proposalId: string,
    @Body() body: AnswerDto,
  ): Promise<CustomerViewDto> {
    return this.answerProposal(customer, proposalId, 'rejected', body);
  }

  @Post('decision/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: CustomerViewDto })
  @ApiBody({ type: AnswerDto, required: false })
  @ApiOperation({
    summary: 'Accept the decision: it becomes binding on the company',
    description:
      'The remedies become owed with a payment deadline; a decision that did not uphold the ' +
      'complaint closes the case.',
  })
  acceptDecision(
    @CurrentCustomer() customer: CustomerActor,
    @Body() body: AnswerDto,
  ): Promise<CustomerViewDto> {
    return this.answerDecision(customer, 'accepted', body);
  }

  @Post('decision/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: CustomerViewDto })
  @ApiBody({ type: AnswerDto, required: false })
  @ApiOperation({
    summary: 'Reject the decision: the case closes and you keep your right to go to court',
  })
  rejectDecision(
    @CurrentCustomer() customer: CustomerActor,
    @Body() body: AnswerDto,
  ): Promise<CustomerViewDto> {
    return this.answerDecision(customer, 'rejected', body);
  }

  private async answerProposal(
    customer: CustomerActor,
    proposalId: string,
    answer: Answer,
    body: AnswerDto | undefined,
  ): Promise<CustomerViewDto> {
    await this.mediation.answer(
      customer.caseId,
      proposalId,
      'customer',
      answer,
      actorRef(customer),
      body?.reason,
    );
    return this.view.build(await this.cases.byId(customer.caseId));
  }

  private async answerDecision(
    customer: CustomerActor,
    answer: DecisionAnswer,
    body: AnswerDto | undefined,
  ): Promise<CustomerViewDto> {
    await this.decisions.answer(customer.caseId, answer, actorRef(customer), body?.reason);
    return this.view.build(await this.cases.byId(customer.caseId));
  }
}
