import { ApiProperty } from '@nestjs/swagger';
import { RemedyViewDto, StaffRemedyDto, BudgetWarningDto } from '../../compensation/dto/remedy.dto';

export const PROPOSAL_STATUSES = [
  'awaiting_approval',
  'open',
  'accepted',
  'rejected',
  'expired',
  'superseded',
  'closed',
] as const;

export class ProposalAnswerDto {
  @ApiProperty({ enum: ['accepted', 'rejected'], example: 'accepted' }) answer!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' }) answeredAt!: string;
}

export class ProposalAnswersDto {
  @ApiProperty({ type: ProposalAnswerDto, nullable: true }) customer!: ProposalAnswerDto | null;
  @ApiProperty({ type: ProposalAnswerDto, nullable: true }) company!: ProposalAnswerDto | null;
}

/** A proposal as the customer and the company see it: terms, remedies, who answered, deadline. */
export class ProposalViewDto {
  @ApiProperty({ example: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ example: 'The company refunds the deposit in full within 28 days.' })
  terms!: string;
  @ApiProperty({
    enum: PROPOSAL_STATUSES,
    example: 'open',
    description:
      '`open` until both parties answer; `expired` after expiresAt; `superseded` by a newer ' +
      'proposal or a decision; `closed` when the case ended first',
  })
  status!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z', nullable: true, type: String })
  madeAt!: string | null;
  @ApiProperty({ example: '2026-12-07T10:00:00.000Z', nullable: true, type: String })
  expiresAt!: string | null;
  @ApiProperty({ type: [RemedyViewDto] }) remedies!: RemedyViewDto[];
  @ApiProperty({ type: ProposalAnswersDto }) answers!: ProposalAnswersDto;
}

export class StaffProposalAnswerDto extends ProposalAnswerDto {
  @ApiProperty({ example: 'The amount does not cover my costs.', nullable: true, type: String })
  reason!: string | null;
  @ApiProperty({ example: 'agent-7', nullable: true, type: String }) by!: string | null;
}

export class StaffProposalAnswersDto {
  @ApiProperty({ type: StaffProposalAnswerDto, nullable: true })
  customer!: StaffProposalAnswerDto | null;
  @ApiProperty({ type: StaffProposalAnswerDto, nullable: true })
  company!: StaffProposalAnswerDto | null;
}

/** A proposal as staff see it, including drafts awaiting approval and the parties' reasons. */
export class StaffProposalDto {
  @ApiProperty({ example: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ example: 'OMB-2026-000001' }) caseReference!: string;
  @ApiProperty({ example: 'The company refunds the deposit in full within 28 days.' })
  terms!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES, example: 'open' }) status!: string;
  @ApiProperty({ example: 'olga' }) proposedBy!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z', nullable: true, type: String })
  madeAt!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) expiresAt!: string | null;
  @ApiProperty({ type: [StaffRemedyDto] }) remedies!: StaffRemedyDto[];
  @ApiProperty({ type: StaffProposalAnswersDto }) answers!: StaffProposalAnswersDto;
}

/** The answer to making a proposal: the proposal, and a warning if it strains the budget. */
export class ProposalMadeDto extends StaffProposalDto {
  @ApiProperty({
    type: [BudgetWarningDto],
    description: 'Not a refusal: the offer is made; the officer is told it exceeds the budget',
  })
  budgetWarnings!: BudgetWarningDto[];
}
