import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsObject,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';

/** How the customer reached the front line. `ombudsman_referral` is set only by the ombudsman side. */
export const COMPLAINT_CHANNELS = [
  'email',
  'phone',
  'chat',
  'letter',
  'web',
  'store',
  'other',
] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export class ComplaintCustomerDto {
  @ApiProperty({ maxLength: 200, example: 'Анна Петрова' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ maxLength: 320, format: 'email', example: 'anna@example.org' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'C-1009' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  customerNumber?: string;
}

export class CreateComplaintDto {
  @ApiProperty({ type: ComplaintCustomerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ComplaintCustomerDto)
  customer!: ComplaintCustomerDto;

  @ApiProperty({ maxLength: 300, example: 'Refund refused' })
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  subject!: string;

  @ApiProperty({
    maxLength: 20000,
    example: 'I returned the heater within 14 days and the shop refuses to refund the deposit.',
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(20000)
  description!: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'crm-48151623',
    description:
      'The id in the pushing system. Unique per source (the token subject): pushing it again ' +
      'returns the existing complaint with 200 and changes nothing.',
  })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'agent-17',
    description: 'The agent handling the complaint; the caller when absent',
  })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  agentId?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_CHANNELS, example: 'email' })
  @IsOptional()
  @IsIn(COMPLAINT_CHANNELS)
  channel?: ComplaintChannel;

  @ApiPropertyOptional({
    format: 'date-time',
    maxLength: 40,
    example: '2025-09-15T08:30:00Z',
    description:
      'When the front line received the complaint, for a complaint pushed after the fact (a ' +
      'CRM’s history): not in the future, not before 2000; now when absent. Stored and shown as ' +
      'given; the final-response deadline counts from it, and the audit entry names who set it.',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @MaxLength(40)
  receivedAt?: string;
}
