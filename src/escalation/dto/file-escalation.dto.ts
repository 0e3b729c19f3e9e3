import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsObject,
  IsEmail,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { IsOmittable } from '../../common/validation/is-omittable';
import { MoneyDto } from '../../common/money/money.dto';
import { CATEGORIES, Category, DEFAULT_CATEGORY } from '../../cases/case-category';
import { LANGUAGES, Language } from '../../views/texts/customer-texts';

export class FilingCustomerDto {
  @ApiProperty({ example: 'Анна Петрова', maxLength: 200 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'anna@example.org', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: 'C-1009', maxLength: 64 })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  customerNumber?: string;
}

/** The filing body (README.md, "Calling the API"). */
export class FileEscalationDto {
  @ApiProperty({ type: FilingCustomerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FilingCustomerDto)
  customer!: FilingCustomerDto;

  @ApiPropertyOptional({ example: 'CMP-000123', description: 'The front-line complaint, if any' })
  @IsOmittable()
  @IsString()
  @MaxLength(20)
  @Matches(/^CMP-\d{6,}$/, { message: 'complaintReference must look like CMP-000123' })
  complaintReference?: string;

  @ApiProperty({ example: 'Refund refused', maxLength: 200 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  subject!: string;

  @ApiProperty({
    example: 'I returned the goods on 2 October and the deposit was never refunded.',
    maxLength: 10000,
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(10000)
  description!: string;

  @ApiPropertyOptional({ example: 'Refund of the deposit', maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  desiredOutcome?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  amountInDispute?: MoneyDto;

  /**
   * Optional (only name, email, subject and description are required): a customer often
   * cannot tell billing from contract; triage corrects it. `null` is refused, not defaulted.
   */
  @ApiPropertyOptional({
    enum: CATEGORIES,
    default: DEFAULT_CATEGORY,
    example: 'billing',
    description: `What the dispute is about; \`${DEFAULT_CATEGORY}\` when not given`,
  })
  @IsOmittable()
  @IsIn(CATEGORIES)
  category: Category = DEFAULT_CATEGORY;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en', example: 'ru' })
  @IsOmittable()
  @IsIn(LANGUAGES)
  preferredLanguage?: Language;
}
