import { DocumentDto } from '../../documents/dto/document.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_OUTCOMES, CASE_STATUSES } from '../../cases/case-lifecycle';
import { RemedyViewDto } from '../../compensation/dto/remedy.dto';
import { DecisionViewDto } from '../../decisions/dto/decision-view.dto';
import { ProposalViewDto } from '../../mediation/dto/proposal-view.dto';
import { DeadlineDto } from '../../sla/dto/deadline.dto';

export class CustomerTimelineEntryDto {
  @ApiProperty({ example: 'case.submitted' }) type!: string;
  @ApiProperty({ example: 'You filed your dispute with the ombudsman.' }) text!: string;
  @ApiPropertyOptional({
    example: 'Here are the receipts you asked for.',
    nullable: true,
    type: String,
  })
  body!: string | null;
  @ApiProperty({ enum: ['you', 'ombudsman', 'company'], example: 'you' }) by!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) at!: string;
}

export class HandlerDto {
  @ApiProperty({
    example: 'Olga Ombudsman',
    description:
      'The officer’s name, or neutral words in the case’s language (“Your case handler”) when ' +
      'no name is known; never an internal id',
  })
  name!: string;
}

/** What the customer sees of their case, in the case's language. */
export class CustomerViewDto {
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ enum: CASE_STATUSES, example: 'referred_to_frontline' }) status!: string;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true, example: null }) outcome!: string | null;
  @ApiProperty({ example: 'Your case has been passed to the company’s customer service first.' })
  statusText!: string;
  @ApiProperty({ example: 'The company must give you its final answer by 14 December 2026.' })
  nextStep!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example:
      'You have not told us about a complaint you made to the company, so we have passed yours on to it as complaint CMP-000042. The company must have the chance to put things right before the ombudsman can step in.',
    description:
      'Why the case was refused, or passed to the company first, in the case’s language and with the dates that decided it; null in other statuses',
  })
  explanation!: string | null;
  @ApiProperty({ type: HandlerDto, nullable: true }) handler!: HandlerDto | null;
  @ApiProperty({ example: 'Refund refused' }) subject!: string;
  @ApiProperty({ enum: ['en', 'ru', 'zh'], example: 'en' }) language!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) filedAt!: string;
  @ApiProperty({ type: [DeadlineDto] }) deadlines!: DeadlineDto[];
  @ApiProperty({ type: [CustomerTimelineEntryDto] }) timeline!: CustomerTimelineEntryDto[];
  @ApiProperty({ type: [ProposalViewDto], description: 'Open and past mediation proposals' })
  proposals!: ProposalViewDto[];
  @ApiProperty({
    type: DecisionViewDto,
    nullable: true,
    description: 'The decision in force; `revised` says whether it corrects an earlier one',
  })
  decision!: DecisionViewDto | null;
  @ApiProperty({ type: [RemedyViewDto], description: 'Remedies owed to you, and their fulfilment' })
  remedies!: RemedyViewDto[];
  @ApiProperty({
    type: [DocumentDto],
    description: 'Documents you sent, and those the ombudsman shared with you',
  })
  documents!: DocumentDto[];
}

/** The answer to a filing: the only time the access token is ever shown. */
export class EscalationReceiptDto {
  @ApiProperty({ example: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({
    example: 'q3X1f0bH2mVJ8m1y0mZ1nR8Z0Jp3o5Q2hY5m2b7n9k0',
    description: 'Keep it: it opens your case and is never shown again',
  })
  accessToken!: string;
  @ApiProperty({ enum: CASE_STATUSES, example: 'referred_to_frontline' }) status!: string;
  @ApiProperty({ example: 'Your case has been passed to the company’s customer service first.' })
  statusText!: string;
  @ApiProperty({ example: 'The company must give you its final answer by 14 December 2026.' })
  nextStep!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example:
      'You have not told us about a complaint you made to the company, so we have passed yours on to it as complaint CMP-000042. The company must have the chance to put things right before the ombudsman can step in.',
    description:
      'Why the case was refused, or passed to the company first, in the case’s language and with the dates that decided it; null in other statuses',
  })
  explanation!: string | null;
  @ApiPropertyOptional({ example: 'CMP-000042', nullable: true, type: String })
  complaintReference!: string | null;
  @ApiProperty({ type: [DeadlineDto] }) deadlines!: DeadlineDto[];
}
