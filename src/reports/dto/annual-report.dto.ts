import { ApiProperty } from '@nestjs/swagger';
import { CASE_OUTCOMES } from '../../cases/case-lifecycle';
import { REJECTION_CODES } from '../../cases/triage/rejection-code';
import { CategoryShareDto } from './kpi-report.dto';

class AnnualRefusalReasonDto {
  @ApiProperty({ enum: REJECTION_CODES, example: 'out_of_time' }) code!: string;
  @ApiProperty({ example: 3 }) count!: number;
  @ApiProperty({ example: 42.9, nullable: true, type: Number, description: 'Of the refused' })
  percent!: number | null;
}

class AnnualRefusedDto {
  @ApiProperty({ example: 7 }) count!: number;
  @ApiProperty({ example: 8.8, nullable: true, type: Number }) percent!: number | null;
  @ApiProperty({
    type: [AnnualRefusalReasonDto],
    description: 'Every rejection code, zeros included',
  })
  reasons!: AnnualRefusalReasonDto[];
}

class DiscontinuedDto {
  @ApiProperty({ example: 6 }) count!: number;
  @ApiProperty({ example: 7.5, nullable: true, type: Number }) percent!: number | null;
  @ApiProperty({ example: 5 }) withdrawnByCustomer!: number;
  @ApiProperty({ example: 1 }) wentToCourt!: number;
}

class DurationDto {
  @ApiProperty({ example: 45.2, nullable: true, type: Number }) averageDays!: number | null;
  @ApiProperty({ example: 41.5, nullable: true, type: Number }) medianDays!: number | null;
}

class ComplianceDto {
  @ApiProperty({ example: 40 }) casesWithRemediesOwed!: number;
  @ApiProperty({ example: 38 }) casesComplied!: number;
  @ApiProperty({ example: 95, nullable: true, type: Number }) percent!: number | null;
}

class AnnualOpenImplementedDto {
  @ApiProperty({ example: 5 }) implemented!: number;
  @ApiProperty({ example: 3 }) open!: number;
}

class AnnualSatisfactionDto {
  @ApiProperty({ example: 40 }) responses!: number;
  @ApiProperty({ example: 4.1, nullable: true, type: Number }) averageRating!: number | null;
}

/** The yearly activity report (shares of outcomes are of the disputes closed in the year). */
export class AnnualReportDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: 120 }) disputesReceived!: number;
  @ApiProperty({ example: 80 }) disputesClosed!: number;
  @ApiProperty({ type: [CategoryShareDto] }) disputeTypes!: CategoryShareDto[];
  @ApiProperty({ type: AnnualRefusedDto }) refused!: AnnualRefusedDto;
  @ApiProperty({ type: DiscontinuedDto }) discontinued!: DiscontinuedDto;
  @ApiProperty({ type: DurationDto }) duration!: DurationDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: `Keys: ${CASE_OUTCOMES.join(', ')}`,
    example: { settled: 30, upheld: 12, not_upheld: 8 },
  })
  outcomes!: Record<string, number>;
  @ApiProperty({ example: 60, nullable: true, type: Number }) upholdRatePercent!: number | null;
  @ApiProperty({ type: ComplianceDto, description: 'Cases whose owed remedies are all fulfilled' })
  compliance!: ComplianceDto;
  @ApiProperty({ type: [CategoryShareDto], description: 'The most frequent categories' })
  recurringProblems!: CategoryShareDto[];
  @ApiProperty({ type: AnnualOpenImplementedDto }) correctiveActions!: AnnualOpenImplementedDto;
  @ApiProperty({ type: AnnualSatisfactionDto }) satisfaction!: AnnualSatisfactionDto;
}
