import { DocumentDto } from '../../documents/dto/document.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { MoneyDto } from '../../common/money/money.dto';
import { RemedyViewDto } from '../../compensation/dto/remedy.dto';
import { DecisionViewDto } from '../../decisions/dto/decision-view.dto';
import { ProposalViewDto } from '../../mediation/dto/proposal-view.dto';
import { DeadlineDto } from '../../sla/dto/deadline.dto';
import { CASE_OUTCOMES, CASE_STATUSES } from '../../cases/case-lifecycle';
import { InformationRequestDto } from '../../cases/dto/information-request.dto';

export class CompanyMessageDto {
  @ApiProperty({ example: 'message.to_company' }) type!: string;
  @ApiProperty({ enum: ['ombudsman', 'company'], example: 'ombudsman' }) from!: string;
  @ApiPropertyOptional({
    example: 'Please send the ledger for October.',
    nullable: true,
    type: String,
  })
  body!: string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) at!: string;
}

export class CompanyCustomerDto {
  @ApiProperty({ example: 'Анна Петрова' }) name!: string;
  @ApiProperty({ example: 'anna@example.org' }) email!: string;
  @ApiPropertyOptional({ example: 'C-1009', nullable: true, type: String }) customerNumber!:
    string | null;
}

/** What the company may see of a case: never internal notes, drafts, conflicts or the audit log. */
export class CompanyCaseViewDto {
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ enum: CASE_STATUSES, example: 'investigation' }) status!: string;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true, example: null }) outcome!: string | null;
  @ApiProperty({ example: 'The ombudsman is looking into your case.' }) statusText!: string;
  @ApiPropertyOptional({ example: 'CMP-000123', nullable: true, type: String })
  complaintReference!: string | null;
  @ApiProperty({ type: CompanyCustomerDto }) customer!: CompanyCustomerDto;
  @ApiProperty({ example: 'Refund refused' }) subject!: string;
  @ApiProperty({ example: 'I returned the goods…' }) description!: string;
  @ApiPropertyOptional({ example: 'Refund of the deposit', nullable: true, type: String })
  desiredOutcome!: string | null;
  @ApiPropertyOptional({ type: MoneyDto, nullable: true }) amountInDispute!: MoneyDto | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) filedAt!: string;
  @ApiProperty({ type: [DeadlineDto] }) deadlines!: DeadlineDto[];
  @ApiProperty({ type: [CompanyMessageDto] }) messages!: CompanyMessageDto[];
  @ApiProperty({ type: [InformationRequestDto] }) informationRequests!: InformationRequestDto[];
  @ApiProperty({ type: [ProposalViewDto] }) proposals!: ProposalViewDto[];
  @ApiProperty({ type: DecisionViewDto, nullable: true }) decision!: DecisionViewDto | null;
  @ApiProperty({
    type: [RemedyViewDto],
    description: 'Remedies the company owes, and their fulfilment',
  })
  remedies!: RemedyViewDto[];
  @ApiProperty({
    type: [DocumentDto],
    description: 'Documents the company sent, and those the ombudsman shared with it',
  })
  documents!: DocumentDto[];
}

export class CompanyResponseDto {
  @ApiProperty({
    example: 'We attach the ledger; the deposit was withheld for damage.',
    maxLength: 10000,
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(10000)
  body!: string;

  @ApiPropertyOptional({
    example: '0d8f3c1e-7b1a-4c55-9a55-3f2d1f1f9a10',
    description:
      'The information request this answers; without it, the company states its position',
  })
  @IsOptional()
  @IsUUID()
  informationRequestId?: string;
}

/** The company's response as created: the timeline entry that holds it. */
export class CompanyResponseReceiptDto {
  @ApiProperty({ example: '1043', description: 'The id of the response (its timeline entry)' })
  id!: string;
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ example: 'We attach the ledger; the deposit was withheld for damage.' })
  body!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) receivedAt!: string;
  @ApiProperty({ example: null, nullable: true, type: String }) answeredInformationRequestId!:
    string | null;
}
