import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, Max, Min } from 'class-validator';

export class KpiQueryDto {
  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Start of the period (inclusive); default 1 January of the current year (UTC)',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description:
      'End of the period: a date counts as a whole day (inclusive), a date-time is exclusive; ' +
      'default the end of the current year',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class YearQueryDto {
  @ApiPropertyOptional({
    example: 2026,
    minimum: 2000,
    maximum: 2100,
    description: 'Default: this year',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
