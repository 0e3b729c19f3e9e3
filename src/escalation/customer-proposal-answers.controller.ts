import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { actorRef, CustomerActor } from '../auth/actor';
import { CaseReaderService } from '../cases/case-reader.service';
import { ApiProblems } from '../common/openapi/api-problems';
import { UuidOr404 } from '../common/http/uuid-param.pipe';
import { Answer, ProposalAnswersService } from '../mediation/answers/proposal-answers.service';
import { AnswerDto } from '../mediation/dto/proposal-requests.dto';
import { CaseTokenAuth } from '../cases/access/case-token.guard';
import { CurrentCustomer } from '../cases/access/current-customer.decorator';
import { CustomerViewService } from '../views/customer/customer-view.service';
import { CustomerViewDto } from '../views/customer/customer-view.dto';

const PROPOSAL_ID = new UuidOr404('PROPOSAL_NOT_FOUND');

/**
 * The customer's answer to a mediation proposal. The answering is mediation's
 * (ProposalAnswersService, src/mediation/answers); the route is here because it answers with the
 * customer's view of the case, a read model above mediation (docs/architecture.md).
 */
@ApiTags('escalations (customers)')
@Controller('v1/escalations/:reference/proposals/:proposalId')
@CaseTokenAuth()
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiProblems(400, 409)
export class CustomerProposalAnswersController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly view: CustomerViewService,
    private readonly answers: ProposalAnswersService,
  ) {}

  @Post('accept')
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
  accept(
    @CurrentCustomer() customer: CustomerActor,
    @Param('proposalId', PROPOSAL_ID) proposalId: string,
    @Body() body: AnswerDto,
  ): Promise<CustomerViewDto> {
    return this.answer(customer, proposalId, 'accepted', body);
  }

  @Post('reject')
  @HttpCode(200)
  @ApiOkResponse({ type: CustomerViewDto })
  @ApiBody({ type: AnswerDto, required: false })
  @ApiParam({ name: 'proposalId', format: 'uuid' })
  @ApiOperation({ summary: 'Reject a mediation proposal, with a reason if you wish' })
  reject(
    @CurrentCustomer() customer: CustomerActor,
    @Param('proposalId', PROPOSAL_ID) proposalId: string,
    @Body() body: AnswerDto,
  ): Promise<CustomerViewDto> {
    return this.answer(customer, proposalId, 'rejected', body);
  }

  private async answer(
    customer: CustomerActor,
    proposalId: string,
    answer: Answer,
    body: AnswerDto | undefined,
  ): Promise<CustomerViewDto> {
    await this.answers.answer(
      customer.caseId,
      proposalId,
      'customer',
      answer,
      actorRef(customer),
      body?.reason,
    );
    return this.view.build(await this.cases.byId(customer.caseId));
  }
}
