import { Body, Controller, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CustomerActor, actorRef } from '../auth/actor';
import { Public } from '../auth/auth.decorators';
import { CaseReaderService } from '../cases/case-reader.service';
import { CaseTransitionsService } from '../cases/case-transitions.service';
import { CaseConversationService } from '../cases/messages/case-conversation.service';
import { ApiIdempotencyKey, IdempotencyKey } from '../common/idempotency/idempotency-key.decorator';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { sendIdempotent } from '../common/idempotency/idempotent-reply';
import { ApiProblems } from '../common/openapi/api-problems';
import { PublicRateLimit } from '../rate-limit/public-rate-limit.decorator';
import { CaseTokenAuth } from '../cases/access/case-token.guard';
import { CurrentCustomer } from '../cases/access/current-customer.decorator';
import { CustomerViewService } from '../views/customer/customer-view.service';
import { CustomerMessageDto, CustomerMessageReceiptDto } from './dto/customer-message.dto';
import { CustomerViewDto, EscalationReceiptDto } from '../views/customer/customer-view.dto';
import { FileEscalationDto } from './dto/file-escalation.dto';
import { WithdrawDto } from './dto/withdraw.dto';
import { IntakeService } from './intake.service';

const REFERENCE = ApiParam({ name: 'reference', example: 'OMB-2026-000001' });

/** The public endpoint: customers file and follow their dispute. */
@ApiTags('escalations (customers)')
@Controller('v1/escalations')
@PublicRateLimit()
export class EscalationController {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly intake: IntakeService,
    private readonly cases: CaseReaderService,
    private readonly view: CustomerViewService,
    private readonly conversation: CaseConversationService,
    private readonly transitions: CaseTransitionsService,
  ) {}

  @Post()
  @Public()
  @ApiIdempotencyKey()
  @HttpCode(201)
  // The answer carries the case access token: no cache may keep it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'File a dispute with the ombudsman',
    description:
      'No login. Answers the case reference and an access token shown only here. Eligibility is ' +
      'checked at once: without a front-line complaint (or while its deadline runs) the case is ' +
      'referred to the front line first and stays on record. A `complaintReference` links only ' +
      'a complaint made with the e-mail address or customer number given here; any other ' +
      'answers 422 `COMPLAINT_REFERENCE_UNKNOWN`, exactly as an unknown one.',
  })
  @ApiCreatedResponse({ type: EscalationReceiptDto })
  @ApiProblems(400, 413, 415, 422)
  async file(
    @Body() body: FileEscalationDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EscalationReceiptDto> {
    const linked = await this.intake.prepare(body);
    const result = await this.idempotency.execute<EscalationReceiptDto>({
      scope: 'escalation.file',
      key,
      request: body,
      work: async (manager) => ({
        status: 201,
        body: await this.intake.file(manager, body, linked),
      }),
    });
    return sendIdempotent(reply, result);
  }

  @Get(':reference')
  @CaseTokenAuth()
  @REFERENCE
  @ApiOperation({ summary: 'Follow your case: where it is, what happens next, by when' })
  @ApiOkResponse({ type: CustomerViewDto })
  async read(@CurrentCustomer() customer: CustomerActor): Promise<CustomerViewDto> {
    return this.view.build(await this.cases.byId(customer.caseId));
  }

  @Post(':reference/messages')
  @CaseTokenAuth()
  @REFERENCE
  @HttpCode(201)
  @ApiOperation({ summary: 'Write to the ombudsman about your case' })
  @ApiCreatedResponse({ type: CustomerMessageReceiptDto })
  @ApiProblems(400)
  async message(
    @CurrentCustomer() customer: CustomerActor,
    @Body() body: CustomerMessageDto,
  ): Promise<CustomerMessageReceiptDto> {
    const c = await this.cases.byId(customer.caseId);
    const posted = await this.conversation.fromCustomer(c, actorRef(customer), body.body);
    return {
      reference: customer.reference,
      receivedAt: posted.at.toISOString(),
      answeredInformationRequestId: posted.answered,
    };
  }

  @Post(':reference/withdraw')
  @CaseTokenAuth()
  @REFERENCE
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw your dispute',
    description:
      'Possible while the case is open; once a settlement or award is owed it cannot be withdrawn.',
  })
  @ApiOkResponse({ type: CustomerViewDto })
  @ApiBody({ type: WithdrawDto, required: false })
  @ApiProblems(400, 409)
  async withdraw(
    @CurrentCustomer() customer: CustomerActor,
    @Body() body: WithdrawDto,
  ): Promise<CustomerViewDto> {
    await this.transitions.apply({
      caseId: customer.caseId,
      command: 'withdraw',
      actor: actorRef(customer),
      reason: body?.reason,
    });
    return this.view.build(await this.cases.byId(customer.caseId));
  }
}
