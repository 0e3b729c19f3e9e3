import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { MoneyDto } from '../../common/money/money.dto';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { REMEDY_STATUSES, RemedyStatus } from '../remedy-types';

export class RecordFulfilmentDto {
  @ApiPropertyOptional({ example: 'SEPA-2026-11-000123', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  paymentReference?: string;

  @ApiProperty({ example: 'Deposit refunded to the customer’s card.', maxLength: 4000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  note!: string;

  @ApiProperty({
    example: '2026-11-23T09:30:00Z',
    description: 'When it was done; not in the future',
  })
  @IsDateString({ strict: true })
  fulfilledAt!: string;
}

export class ConfirmFulfilmentDto {
  @ApiProperty({ enum: ['confirmed', 'disputed'], example: 'confirmed' })
  @IsIn(['confirmed', 'disputed'])
  result!: 'confirmed' | 'disputed';

  @ApiPropertyOptional({ example: 'The customer confirms the money arrived.', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class RemedyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only remedies owed and past their payment deadline, oldest deadline first',
    example: true,
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ enum: REMEDY_STATUSES, example: 'due' })
  @IsOptional()
  @IsIn(REMEDY_STATUSES)
  status?: RemedyStatus;
}

export class BudgetQueryDto {
  @ApiPropertyOptional({ example: 2026, description: 'Default: the current year (UTC)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2999)
  year?: number;
}

export class BudgetLineDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: MoneyDto, nullable: true, description: 'Null when none is configured' })
  budget!: MoneyDto | null;
  @ApiProperty({ type: MoneyDto, description: 'Owed and not yet paid' }) committed!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) paid!: MoneyDto;
  @ApiProperty({
    type: MoneyDto,
    nullable: true,
    description: 'Budget less committed and paid; negative when overspent',
  })
  left!: MoneyDto | null;
}

export class BudgetDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({
    type: [BudgetLineDto],
    example: [
      {
        currency: 'EUR',
        budget: { amountMinor: 10000000, currency: 'EUR' },
        committed: { amountMinor: 12550, currency: 'EUR' },
        paid: { amountMinor: 50000, currency: 'EUR' },
        left: { amountMinor: 9937450, currency: 'EUR' },
      },
    ],
  })
  currencies!: BudgetLineDto[];
}
