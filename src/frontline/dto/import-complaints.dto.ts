import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { Problem } from '../../common/errors/problem';
import { ProblemSchema } from '../../common/openapi/problem.schema';
import { CreateComplaintDto } from './create-complaint.dto';
import { RecordFinalResponseDto } from './record-final-response.dto';

/** The most complaints one import may carry. */
export const IMPORT_MAX_ITEMS = 1000;

export class ImportFinalResponseDto extends OmitType(RecordFinalResponseDto, ['respondedAt']) {
  @ApiProperty({
    format: 'date-time',
    maxLength: 40,
    example: '2025-10-01T14:00:00Z',
    description: 'When the response was sent: between the complaint’s `receivedAt` and now',
  })
  @IsISO8601({ strict: true, strictSeparator: true })
  @MaxLength(40)
  respondedAt!: string;
}

export class ImportComplaintDto extends OmitType(CreateComplaintDto, ['externalId']) {
  @ApiProperty({
    maxLength: 200,
    example: 'crm-48151623',
    description:
      'The id in the pushing system, unique per source (the token subject): importing it again ' +
      'with the same content is `unchanged`; with other content it is refused (409 problem).',
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  externalId!: string;

  @ApiPropertyOptional({
    type: ImportFinalResponseDto,
    description: 'The final response already sent, if any',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ImportFinalResponseDto)
  finalResponse?: ImportFinalResponseDto;
}

export class ImportComplaintsDto {
  @ApiProperty({ type: [ImportComplaintDto], minItems: 1, maxItems: IMPORT_MAX_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(IMPORT_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ImportComplaintDto)
  complaints!: ImportComplaintDto[];
}

export const IMPORT_OUTCOMES = ['created', 'unchanged', 'refused'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export class ImportItemResultDto {
  @ApiProperty({ example: 0, description: 'Position of the item in `complaints`' })
  index!: number;
  @ApiProperty({ example: 'crm-48151623' }) externalId!: string;
  @ApiProperty({
    enum: IMPORT_OUTCOMES,
    example: 'created',
    description:
      '`created`: the complaint (and its final response) was recorded; `unchanged`: this ' +
      'externalId already made the same complaint, nothing was written; `refused`: nothing ' +
      'of this item was written, `problem` says why',
  })
  outcome!: ImportOutcome;
  @ApiProperty({ type: String, nullable: true, example: 'CMP-000123' }) reference!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    example: '5b0c3f5e-8f4a-4d0e-9a39-6f1c1f7d2a10',
  })
  id!: string | null;
  @ApiProperty({
    type: ProblemSchema,
    nullable: true,
    example: null,
    description: 'Why the item was refused (RFC 9457, as a whole answer would carry it)',
  })
  problem!: Problem | null;
}

export class ImportResultDto {
  @ApiProperty({ example: 998 }) created!: number;
  @ApiProperty({ example: 1 }) unchanged!: number;
  @ApiProperty({ example: 1 }) refused!: number;
  @ApiProperty({ type: [ImportItemResultDto], description: 'One per item, in order' })
  items!: ImportItemResultDto[];
}
