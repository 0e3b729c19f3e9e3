import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsKnownCurrency } from './is-known-currency.validator';
import { Money } from './money';

export class MoneyDto implements Money {
  @ApiProperty({
    description: 'Amount in minor units of the currency (cents for EUR, yen for JPY, fils for BHD)',
    type: 'integer',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 12550,
  })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  @ApiProperty({
    description: 'ISO 4217 currency code',
    minLength: 3,
    maxLength: 3,
    pattern: '^[A-Z]{3}$',
    example: 'EUR',
  })
  @IsString()
  @MaxLength(3)
  @IsKnownCurrency()
  currency!: string;
}

/** For remedies: an award of nothing is not an award. */
export class PositiveMoneyDto extends MoneyDto {
  @ApiProperty({
    description: 'Amount in minor units of the currency; at least 1',
    type: 'integer',
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 12550,
  })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  override amountMinor!: number;
}
