import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsObject,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { MoneyDto } from '../../common/money/money.dto';

export class RecordFinalResponseDto {
  @ApiProperty({
    maxLength: 20000,
    example: 'We have refunded the deposit and apologise for the delay.',
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(20000)
  text!: string;

  @ApiPropertyOptional({ type: MoneyDto, description: 'What the company offers, if anything' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  offer?: MoneyDto;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-03-02T10:15:00Z',
    maxLength: 40,
    description:
      'When the response was sent to the customer: any time between the complaint’s ' +
      '`receivedAt` and now, stored and shown as given (the audit entry names who set it); ' +
      'now when absent',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @MaxLength(40)
  respondedAt?: string;
}
