import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { MoneyDto, PositiveMoneyDto } from '../../common/money/money.dto';
import { REMEDY_STATUSES, REMEDY_TYPES, RemedyType } from '../remedy-types';

/** A remedy offered in a proposal or awarded in a decision. */
export class RemedyInputDto {
  @ApiProperty({ enum: REMEDY_TYPES, example: 'refund' })
  @IsIn(REMEDY_TYPES)
  type!: RemedyType;

  @ApiPropertyOptional({
    type: PositiveMoneyDto,
    description:
      'Required for refund, goodwill_payment, distress_compensation and service_credit; ' +
      'refused for apology and corrective_action',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PositiveMoneyDto)
  amount?: PositiveMoneyDto;

  @ApiProperty({ example: 'Refund of the withheld deposit', maxLength: 2000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  description!: string;
}

/** A remedy as the customer and the company see it. */
export class RemedyViewDto {
  @ApiProperty({ example: '0d8f3c1e-7b1a-4c55-9a55-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ enum: REMEDY_TYPES, example: 'refund' }) type!: string;
  @ApiProperty({ type: MoneyDto, nullable: true }) amount!: MoneyDto | null;
  @ApiProperty({ example: 'Refund of the withheld deposit' }) description!: string;
  @ApiProperty({ enum: REMEDY_STATUSES, example: 'due' }) status!: string;
  @ApiProperty({ example: '2026-12-21T10:00:00.000Z', nullable: true, type: String })
  dueAt!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) fulfilledAt!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) paymentReference!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) fulfilmentNote!: string | null;
}

export class RemedyApprovalViewDto {
  @ApiProperty({ example: '9b2e4f7a-3c1d-4e8f-a6b5-0c9d8e7f6a5b' }) id!: string;
  @ApiProperty({ example: 'oscar' }) approver!: string;
  @ApiProperty({ example: 'Oscar Ombudsman', nullable: true, type: String }) approverName!:
    string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) at!: string;
}

/** A remedy as staff see it: where it comes from, its approvals and confirmation. */
export class StaffRemedyDto extends RemedyViewDto {
  @ApiProperty({ example: 'OMB-2026-000001' }) caseReference!: string;
  @ApiProperty({ enum: ['proposal', 'decision'], example: 'proposal' }) source!: string;
  @ApiProperty({ example: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10' }) sourceId!: string;
  @ApiProperty({ example: 'olga' }) proposedBy!: string;
  @ApiProperty({ example: 1, minimum: 0, maximum: 2 }) approvalsRequired!: number;
  @ApiProperty({ type: [RemedyApprovalViewDto] }) approvals!: RemedyApprovalViewDto[];
  @ApiProperty({ example: false, description: 'Due and past its deadline' }) overdue!: boolean;
  @ApiProperty({ example: null, nullable: true, type: String }) fulfilledBy!: string | null;
  @ApiProperty({ enum: ['confirmed', 'disputed'], nullable: true, example: null })
  confirmation!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) confirmationNote!: string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
}

/** The remedy after an approval, with the id of the approval this request recorded. */
export class RemedyApprovedDto extends StaffRemedyDto {
  @ApiProperty({
    example: '9b2e4f7a-3c1d-4e8f-a6b5-0c9d8e7f6a5b',
    description: 'The approval just recorded; it is also listed in `approvals`',
  })
  approvalId!: string;
}

export class RemedyPageDto {
  @ApiProperty({ type: [StaffRemedyDto] }) items!: StaffRemedyDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

/** Why the budget would be exceeded; the proposal is made anyway, the officer is warned. */
export class BudgetWarningDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: MoneyDto }) budget!: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Committed and paid so far plus this offer' })
  afterThis!: MoneyDto;
  @ApiProperty({ example: 'This offer would take the EUR budget of 2026 over by 250.00.' })
  message!: string;
}
