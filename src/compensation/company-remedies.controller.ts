import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { StaffActor } from '../auth/actor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { CaseReaderService } from '../cases/case-reader.service';
import { CASE_OUTCOMES, CASE_STATUSES } from '../cases/case-lifecycle';
import { ApiProblems } from '../common/openapi/api-problems';
import { RecordFulfilmentDto } from './dto/compensation-requests.dto';
import { RemedyViewDto } from './dto/remedy.dto';
import { FulfilmentService } from './fulfilment.service';
import { UuidOr404 } from '../common/http/uuid-param.pipe';

const REMEDY_ID = new UuidOr404('REMEDY_NOT_FOUND');

export class FulfilmentReceiptDto {
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ enum: CASE_STATUSES, example: 'closed' }) caseStatus!: string;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true, example: 'settled' }) caseOutcome!:
    string | null;
  @ApiProperty({ type: RemedyViewDto }) remedy!: RemedyViewDto;
}

/** The company records that it paid or did what it owed. */
@ApiTags('cases (company)')
@Controller('v1/frontline/cases/:reference/remedies/:remedyId')
@Roles('frontline_agent', 'integration')
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiParam({ name: 'remedyId', format: 'uuid' })
export class CompanyRemediesController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly fulfilment: FulfilmentService,
  ) {}

  @Post('fulfilment')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that an owed remedy was fulfilled (payment reference, note, when)',
    description:
      'The customer sees it at once; the office may confirm or dispute it. When the last owed ' +
      'remedy is recorded the case closes with its outcome (settled, upheld, partially_upheld).',
  })
  @ApiOkResponse({ type: FulfilmentReceiptDto })
  @ApiProblems(400, 404, 409)
  async record(
    @Param('reference') reference: string,
    @Param('remedyId', REMEDY_ID) remedyId: string,
    @Body() body: RecordFulfilmentDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<FulfilmentReceiptDto> {
    const c = await this.cases.byReference(reference);
    const remedy = await this.fulfilment.record(c.id, remedyId, body, actor);
    const now = await this.cases.byId(c.id);
    return {
      reference: now.reference,
      caseStatus: now.status,
      caseOutcome: now.outcome,
      remedy: {
        id: remedy.id,
        type: remedy.type,
        amount: remedy.amount,
        description: remedy.description,
        status: remedy.status,
        dueAt: remedy.dueAt,
        fulfilledAt: remedy.fulfilledAt,
        paymentReference: remedy.paymentReference,
        fulfilmentNote: remedy.fulfilmentNote,
      },
    };
  }
}
