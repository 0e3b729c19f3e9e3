import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { CASE_OUTCOMES } from '../../cases/case-lifecycle';

/**
 * A published figure, or suppressed (value null) when built from fewer than five cases or when
 * it would give such a figure back by subtraction.
 */
export class PublicFigureDto {
  @ApiProperty({ example: 120, nullable: true, type: Number }) value!: number | null;
  @ApiProperty({ example: false }) suppressed!: boolean;
}

const FIGURE = { type: PublicFigureDto };

class VolumesDto {
  @ApiProperty(FIGURE) received!: PublicFigureDto;
  @ApiProperty(FIGURE) closed!: PublicFigureDto;
}

class TimelinessDto {
  @ApiProperty(FIGURE) acknowledgedInTimePercent!: PublicFigureDto;
  @ApiProperty(FIGURE) medianDaysToOutcome!: PublicFigureDto;
  @ApiProperty({ ...FIGURE, description: 'Closed within 90 days of a complete file' })
  closedWithinOutcomeDaysPercent!: PublicFigureDto;
}

class CompensationPaidDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty(FIGURE) amountMinor!: PublicFigureDto;
  @ApiProperty(FIGURE) cases!: PublicFigureDto;
}

class PublicSatisfactionDto {
  @ApiProperty(FIGURE) responses!: PublicFigureDto;
  @ApiProperty(FIGURE) averageRating!: PublicFigureDto;
}

export class PublicStatisticsDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({
    example: 5,
    description:
      'Figures built from fewer cases are suppressed, and so is the next smallest outcome (or a ' +
      'share built on it) when a suppressed one could be recovered by subtraction',
  })
  minimumCases!: number;
  @ApiProperty({ type: VolumesDto }) volumes!: VolumesDto;
  @ApiProperty({ type: TimelinessDto }) timeliness!: TimelinessDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(PublicFigureDto) },
    description: `Keys: ${CASE_OUTCOMES.join(', ')}`,
    example: {
      settled: { value: 30, suppressed: false },
      litigation: { value: null, suppressed: true },
    },
  })
  outcomes!: Record<string, PublicFigureDto>;
  @ApiProperty(FIGURE) upholdRatePercent!: PublicFigureDto;
  @ApiProperty(FIGURE) settledByMediationPercent!: PublicFigureDto;
  @ApiProperty(FIGURE) litigationPercent!: PublicFigureDto;
  @ApiProperty({ type: [CompensationPaidDto] }) compensationPaid!: CompensationPaidDto[];
  @ApiProperty({ type: PublicSatisfactionDto }) satisfaction!: PublicSatisfactionDto;
  @ApiProperty(FIGURE) correctiveActionsImplemented!: PublicFigureDto;
}
