import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export const REGISTER_STATUSES = ['open', 'in_progress', 'implemented'] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];
/** Staff set the progress; `implemented` follows from the remedy's fulfilment or the suggestion. */
export const SETTABLE_PROGRESS = ['open', 'in_progress'] as const;

export class CorrectiveActionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REGISTER_STATUSES })
  @IsOptional()
  @IsIn(REGISTER_STATUSES)
  status?: RegisterStatus;
}

export class TrackCorrectiveActionDto {
  @ApiPropertyOptional({ example: 'Head of billing operations', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  owner?: string;

  @ApiPropertyOptional({ example: '2027-03-31T00:00:00.000Z' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueAt?: string;

  @ApiPropertyOptional({ enum: SETTABLE_PROGRESS, example: 'in_progress' })
  @IsOptional()
  @IsIn(SETTABLE_PROGRESS)
  progress?: (typeof SETTABLE_PROGRESS)[number];

  @ApiPropertyOptional({ example: 'Change request CR-4411 raised with IT.', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class CorrectiveActionDto {
  @ApiProperty({ example: '0c6f8e9a-1b2d-4e3f-8a9b-7c6d5e4f3a2b' }) id!: string;
  @ApiProperty({
    enum: ['remedy', 'suggestion'],
    example: 'suggestion',
    description:
      'A corrective-action remedy of a settlement or decision, or an accepted suggestion',
  })
  source!: 'remedy' | 'suggestion';
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ example: 'Send a text message when a refund has been paid.' })
  description!: string;
  @ApiProperty({ example: 'Head of billing operations', nullable: true, type: String })
  owner!: string | null;
  @ApiProperty({ example: '2027-03-31T00:00:00.000Z', nullable: true, type: String })
  dueAt!: string | null;
  @ApiProperty({ enum: REGISTER_STATUSES, example: 'in_progress' }) status!: RegisterStatus;
  @ApiProperty({ example: null, nullable: true, type: String }) implementedAt!: string | null;
  @ApiProperty({ example: 'Change request CR-4411 raised with IT.', nullable: true, type: String })
  note!: string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
}

export class CorrectiveActionPageDto {
  @ApiProperty({ type: [CorrectiveActionDto] }) items!: CorrectiveActionDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}
