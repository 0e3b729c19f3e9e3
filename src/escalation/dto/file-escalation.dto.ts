import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsObject,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../../common/money/money.dto';
import { LANGUAGES, Language } from '../customer-texts';

export const CATEGORIES = [
  'billing',
  'delivery',
  'product_quality',
  'service',
  'contract',
  'privacy',
  'accessibility',
  'other',
] as const;

export class FilingCustomerDto {
  @ApiProperty({ example: 'Анна Петрова', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'anna@example.org', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: 'C-1009', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  customerNumber?: string;
}

/** The filing body of DESIGN §5. */
export class FileEscalationDto {
  @ApiProperty({ type: FilingCustomerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FilingCustomerDto)
  customer!: FilingCustomerDto;

  @ApiPropertyOptional({ example: 'CMP-000123', description: 'The front-line complaint, if any' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  @Matches(/^CMP-\d{6,}$/, { message: 'complaintReference must look like CMP-000123' })
  complaintReference?: string;

  @ApiProperty({ example: 'Refund refused', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject!: string;

  @ApiProperty({
    example: 'I returned the goods on 2 October and the deposit was never refunded.',
    maxLength: 10000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description!: string;

  @ApiPropertyOptional({ example: 'Refund of the deposit', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  desiredOutcome?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amountInDispute?: MoneyDto;

  @ApiProperty({ enum: CATEGORIES, example: 'billing' })
  @IsIn(CATEGORIES)
  category!: (typeof CATEGORIES)[number];

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en', example: 'ru' })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;
}
