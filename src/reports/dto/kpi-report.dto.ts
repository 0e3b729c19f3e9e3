import { ApiProperty } from '@nestjs/swagger';
import { CASE_OUTCOMES, CASE_STATUSES } from '../../cases/case-lifecycle';
import { REJECTION_CODES } from '../../cases/triage/rejection-code';

const countsOf = (keys: readonly string[], example: Record<string, number>) => ({
  type: 'object' as const,
  additionalProperties: { type: 'integer' },
  description: `Keys: ${keys.join(', ')}`,
  example,
});

class PeriodDto {
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2027-01-01T00:00:00.000Z', description: 'Exclusive' }) to!: string;
}

const POLICY_UNITS = ['business_days', 'calendar_days'];

class AcknowledgementDto {
  @ApiProperty({ example: 2, description: 'The acknowledgement policy in force' }) days!: number;
  @ApiProperty({ enum: POLICY_UNITS, example: 'business_days' }) unit!: string;
  @ApiProperty({ example: 90 }) targetPercent!: number;
  @ApiProperty({ example: 120, description: 'Acknowledgements met or past due' }) measured!: number;
  @ApiProperty({ example: 111 }) inTime!: number;
  @ApiProperty({ example: 92.5, nullable: true, type: Number }) inTimePercent!: number | null;
  @ApiProperty({ example: true, nullable: true, type: Boolean }) targetMet!: boolean | null;
}

class DaysToOutcomeDto {
  @ApiProperty({ example: 80, description: 'Cases closed in the period' }) measured!: number;
  @ApiProperty({ example: 41.5, nullable: true, type: Number }) median!: number | null;
  @ApiProperty({ example: 84, nullable: true, type: Number }) p90!: number | null;
  @ApiProperty({ example: 45.2, nullable: true, type: Number }) average!: number | null;
}

class ClosedWithinDto {
  @ApiProperty({ example: 90, description: 'The outcome policy in force' }) days!: number;
  @ApiProperty({
    enum: POLICY_UNITS,
    example: 'calendar_days',
    description: 'In business days, each case is measured against its own outcome deadline',
  })
  unit!: string;
  @ApiProperty({ example: 60, description: 'Closed in the period after acceptance' })
  measured!: number;
  @ApiProperty({ example: 57 }) within!: number;
  @ApiProperty({ example: 95, nullable: true, type: Number }) percent!: number | null;
}

export class MoneyLineDto {
  @ApiProperty({ example: 'refund' }) type!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 12, description: 'Remedies' }) count!: number;
  @ApiProperty({ example: 1506000 }) amountMinor!: number;
}

class CompensationDto {
  @ApiProperty({ type: [MoneyLineDto], description: 'Became binding in the period' })
  awarded!: MoneyLineDto[];
  @ApiProperty({ type: [MoneyLineDto], description: 'Fulfilled in the period' })
  paid!: MoneyLineDto[];
}

class SatisfactionDto {
  @ApiProperty({ example: 40 }) responses!: number;
  @ApiProperty({ example: 4.1, nullable: true, type: Number }) average!: number | null;
  @ApiProperty(countsOf(['1', '2', '3', '4', '5'], { 1: 2, 2: 3, 3: 5, 4: 10, 5: 20 }))
  distribution!: Record<string, number>;
}

export class CategoryShareDto {
  @ApiProperty({ example: 'billing' }) category!: string;
  @ApiProperty({ example: 44 }) count!: number;
  @ApiProperty({ example: 36.7, nullable: true, type: Number }) percent!: number | null;
}

class RefusedDto {
  @ApiProperty({ example: 7, description: 'Closed as rejected in the period' }) count!: number;
  @ApiProperty(countsOf(REJECTION_CODES, { out_of_time: 3, already_in_court: 1, other: 3 }))
  byReason!: Record<string, number>;
}

class OpenImplementedDto {
  @ApiProperty({ example: 3 }) open!: number;
  @ApiProperty({ example: 5 }) implemented!: number;
}

class CorrectiveActionsDto extends OpenImplementedDto {
  @ApiProperty({ type: OpenImplementedDto }) fromRemedies!: OpenImplementedDto;
  @ApiProperty({ type: OpenImplementedDto }) fromSuggestions!: OpenImplementedDto;
}

/** The KPIs of a period. Shares are percentages with one decimal, null when nothing to divide. */
export class KpiReportDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ example: 120 }) casesReceived!: number;
  @ApiProperty(countsOf(CASE_STATUSES, { submitted: 5, investigation: 30, closed: 85 }))
  byStatus!: Record<string, number>;
  @ApiProperty({ example: 80 }) casesClosed!: number;
  @ApiProperty(countsOf(CASE_OUTCOMES, { settled: 30, upheld: 12, not_upheld: 8 }))
  byOutcome!: Record<string, number>;
  @ApiProperty({ type: AcknowledgementDto }) acknowledgement!: AcknowledgementDto;
  @ApiProperty({ type: DaysToOutcomeDto, description: 'Days from receipt to closure' })
  daysToOutcome!: DaysToOutcomeDto;
  @ApiProperty({
    type: ClosedWithinDto,
    description: 'Closed within the outcome deadline of acceptance',
  })
  closedWithinOutcomeDays!: ClosedWithinDto;
  @ApiProperty({ type: RefusedDto, description: 'Refused disputes by rejection code' })
  refused!: RefusedDto;
  @ApiProperty({
    example: 60,
    nullable: true,
    type: Number,
    description:
      'Upheld or partially upheld decisions among all decisions accepted by the customer',
  })
  upholdRatePercent!: number | null;
  @ApiProperty({ example: 37.5, nullable: true, type: Number }) settledByMediationPercent!:
    number | null;
  @ApiProperty({ example: 1.3, nullable: true, type: Number }) litigationPercent!: number | null;
  @ApiProperty({ type: CompensationDto }) compensation!: CompensationDto;
  @ApiProperty({ example: 2, description: 'Remedies due in the period and not fulfilled by now' })
  overdueRemedies!: number;
  @ApiProperty({ type: SatisfactionDto }) satisfaction!: SatisfactionDto;
  @ApiProperty({ type: [CategoryShareDto] }) topCategories!: CategoryShareDto[];
  @ApiProperty({ type: CorrectiveActionsDto }) correctiveActions!: CorrectiveActionsDto;
}
