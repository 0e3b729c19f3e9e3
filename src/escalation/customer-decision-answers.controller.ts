import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { actorRef, CustomerActor } from '../auth/actor';
import { CaseReaderService } from '../cases/case-reader.service';
import { ApiProblems } from '../common/openapi/api-problems';
import { DecisionAnswer, DecisionAnswersService } from '../decisions/decision-answers.service';
import { AnswerDto } from '../mediation/dto/proposal-requests.dto';
import { CaseTokenAuth } from '../cases/access/case-token.guard';
import { CurrentCustomer } from '../cases/access/current-customer.decorator';
import { CustomerViewService } from '../views/customer/customer-view.service';
import { CustomerViewDto } from '../views/customer/customer-view.dto';

/** The customer's answer to the decision, answered with the customer's view of the case. */
@ApiTags('escalations (customers)')
@Controller('v1/escalations/:reference/decision')
@CaseTokenAuth()
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiProblems(400, 409)
export class CustomerDecisionAnswersController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly view: CustomerViewService,
    private readonly answers: DecisionAnswersService,
  ) {}

  @Post('accept')
  @HttpCode(200)
  @ApiOkResponse({ type: CustomerViewDto })
  @ApiBody({ type: AnswerDto, required: false })
  @ApiOperation({
    summary: 'Accept the decision: it becomes binding on the company',
    description:
      'The remedies become owed with a payment deadline; a decision that did not uphold the ' +
      'complaint closes the case.',
  })
  accept(
    @CurrentCustomer() customer: CustomerActor,
    @Body() body: AnswerDto,
  ): Promise<CustomerViewDto> {
    return this.answer(customer, 'accepted', body);
  }

  @Post('reject')
  @HttpCode(200)
  @ApiOkResponse({ type: CustomerViewDto })
  @ApiBody({ type: AnswerDto, required: false })
  @ApiOperation({
    summary: 'Reject the decision: the case closes and you keep your right to go to court',
  })
  reject(
    @CurrentCustomer() customer: CustomerActor,
    @Body() body: AnswerDto,
  ): Promise<CustomerViewDto> {
    return this.answer(customer, 'rejected', body);
  }

  private async answer(
    customer: CustomerActor,
    answer: DecisionAnswer,
    body: AnswerDto | undefined,
  ): Promise<CustomerViewDto> {
    await this.answers.answer(customer.caseId, answer, actorRef(customer), body?.reason);
    return this.view.build(await this.cases.byId(customer.caseId));
  }
}
