import { StaffDocumentDto } from '../../documents/dto/document.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_OUTCOMES, CASE_STATUSES } from '../../cases/case-lifecycle';
import { MoneyDto } from '../../common/money/money.dto';
import { InformationRequestDto } from '../../cases/dto/information-request.dto';
import { DeadlineDto } from '../../sla/dto/deadline.dto';
import { StaffRemedyDto } from '../../compensation/dto/remedy.dto';
import { StaffDecisionDto } from '../../decisions/dto/decision-view.dto';
import { StaffProposalDto } from '../../mediation/dto/proposal-view.dto';

export class StaffCustomerDto {
  @ApiProperty({ example: 'Анна Петрова' }) name!: string;
  @ApiProperty({ example: 'anna@example.org' }) email!: string;
  @ApiPropertyOptional({ example: 'C-1009', nullable: true, type: String }) customerNumber!:
    string | null;
}

export class StaffTimelineEntryDto {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ example: 'note.internal' }) type!: string;
  @ApiProperty({ example: 'alice' }) actorSub!: string;
  @ApiProperty({ example: 'ombudsman' }) actorRole!: string;
  @ApiPropertyOptional({ example: 'Alice A', nullable: true, type: String }) actorName!:
    string | null;
  @ApiPropertyOptional({
    example: 'Asked the billing team for the ledger.',
    nullable: true,
    type: String,
  })
  body!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: {} }) data!: Record<
    string,
    unknown
  >;
  @ApiProperty({ example: false }) visibleToCustomer!: boolean;
  @ApiProperty({ example: false }) visibleToCompany!: boolean;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) occurredAt!: string;
}

/** The full case for ombudsman staff and auditors, internal notes included. */
export class StaffCaseDto {
  @ApiProperty({ example: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ enum: CASE_STATUSES, example: 'submitted' }) status!: string;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true, example: null }) outcome!: string | null;
  @ApiProperty({ example: 1, description: 'Send it back as If-Match to refuse stale writes' })
  version!: number;
  @ApiProperty({ type: StaffCustomerDto }) customer!: StaffCustomerDto;
  @ApiPropertyOptional({ example: 'CMP-000123', nullable: true, type: String })
  complaintReference!: string | null;
  @ApiPropertyOptional({ example: 'agent-7', nullable: true, type: String }) frontlineAgentId!:
    string | null;
  @ApiProperty({ example: 'Refund refused' }) subject!: string;
  @ApiProperty({ example: 'I returned the goods…' }) description!: string;
  @ApiPropertyOptional({ example: 'Refund of the deposit', nullable: true, type: String })
  desiredOutcome!: string | null;
  @ApiPropertyOptional({ type: MoneyDto, nullable: true }) amountInDispute!: MoneyDto | null;
  @ApiProperty({ example: 'billing' }) category!: string;
  @ApiProperty({ enum: ['en', 'ru', 'zh'], example: 'ru' }) language!: string;
  @ApiPropertyOptional({ example: 'frontline_deadline_passed', nullable: true, type: String })
  eligibilityReason!: string | null;
  @ApiPropertyOptional({ example: 'olga', nullable: true, type: String }) assignedOfficerId!:
    string | null;
  @ApiPropertyOptional({ example: 'Olga O', nullable: true, type: String }) assignedOfficerName!:
    string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) updatedAt!: string;
  @ApiPropertyOptional({ example: null, nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ example: false, description: 'An information request to the customer is open' })
  waitingOnCustomer!: boolean;
  @ApiProperty({ type: [InformationRequestDto] }) informationRequests!: InformationRequestDto[];
  @ApiProperty({ type: [DeadlineDto] }) deadlines!: DeadlineDto[];
  @ApiProperty({ type: [StaffTimelineEntryDto] }) timeline!: StaffTimelineEntryDto[];
  @ApiProperty({
    type: [StaffProposalDto],
    description: 'Every mediation proposal, oldest first, drafts and the parties’ reasons included',
  })
  proposals!: StaffProposalDto[];
  @ApiProperty({
    type: StaffDecisionDto,
    nullable: true,
    description: 'The decision with every revision, a draft awaiting approval included',
  })
  decision!: StaffDecisionDto | null;
  @ApiProperty({
    type: [StaffRemedyDto],
    description: 'Every remedy of the case, whatever its status, with approvals and fulfilment',
  })
  remedies!: StaffRemedyDto[];
  @ApiProperty({
    type: [StaffDocumentDto],
    description: 'Every document on the case, withdrawn ones included (never the file itself)',
  })
  documents!: StaffDocumentDto[];
}
