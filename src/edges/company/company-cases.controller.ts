import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { StaffActor, namedRef } from '../../auth/actor';
import { CurrentStaff, Roles } from '../../auth/auth.decorators';
import { ApiProblems } from '../../common/openapi/api-problems';
import { CaseReaderService } from '../../cases/case-reader.service';
import { CaseConversationService } from '../../cases/messages/case-conversation.service';
import { CompanyCaseViewService } from '../../views/company/company-case-view.service';
import {
  CompanyCaseViewDto,
  CompanyResponseDto,
  CompanyResponseReceiptDto,
} from '../../views/company/company-view.dto';

/**
 * The company's side of an ombudsman case. It can read what concerns it and answer; it has no
 * route to change a case's status, assignment, notes or decision.
 */
@ApiTags('cases (company)')
@Controller('v1/frontline/cases/:reference')
@Roles('frontline_agent', 'integration')
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiProblems(404)
export class CompanyCasesController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly view: CompanyCaseViewService,
    private readonly conversation: CaseConversationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The company view of a case: no internal notes, drafts or audit log' })
  @ApiOkResponse({ type: CompanyCaseViewDto })
  async read(@Param('reference') reference: string): Promise<CompanyCaseViewDto> {
    return this.view.build(await this.cases.byReference(reference));
  }

  @Post('responses')
  @HttpCode(201)
  @ApiOperation({ summary: 'Answer an information request, or state the company’s position' })
  @ApiCreatedResponse({ type: CompanyResponseReceiptDto })
  @ApiProblems(400, 409)
  async respond(
    @Param('reference') reference: string,
    @Body() body: CompanyResponseDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<CompanyResponseReceiptDto> {
    const c = await this.cases.byReference(reference);
    const posted = await this.conversation.fromCompany(
      c,
      namedRef(actor),
      body.body,
      body.informationRequestId,
    );
    return {
      id: posted.id,
      reference,
      body: body.body,
      receivedAt: posted.at.toISOString(),
      answeredInformationRequestId: posted.answered,
    };
  }
}
