import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { SUGGESTION_STATUSES, SuggestionStatus } from '../suggestion-lifecycle';

export class MakeSuggestionDto {
  @ApiProperty({
    example: 'Send a text message when a refund has been paid.',
    maxLength: 4000,
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  text!: string;
}

export class ChangeSuggestionStatusDto {
  @ApiProperty({ enum: SUGGESTION_STATUSES, example: 'accepted' })
  @IsIn(SUGGESTION_STATUSES)
  status!: SuggestionStatus;

  @ApiPropertyOptional({
    example: 'The company will send a text message for every refund from March.',
    maxLength: 4000,
    description: 'Shown to the customer as it is; the earlier response stays when absent',
  })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  publicResponse?: string;
}

export class SuggestionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES })
  @IsOptional()
  @IsIn(SUGGESTION_STATUSES)
  status?: SuggestionStatus;
}

/** A suggestion as its author sees it. */
export class CustomerSuggestionDto {
  @ApiProperty({ example: '0c6f8e9a-1b2d-4e3f-8a9b-7c6d5e4f3a2b' }) id!: string;
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ example: 'Send a text message when a refund has been paid.' }) text!: string;
  @ApiProperty({ enum: SUGGESTION_STATUSES, example: 'accepted' }) status!: SuggestionStatus;
  @ApiProperty({
    example: 'Your suggestion has been accepted: the company will put it into practice.',
    description: 'The status explained in the case’s language',
  })
  statusText!: string;
  @ApiProperty({
    example: 'The company will send a text message for every refund from March.',
    nullable: true,
    type: String,
  })
  publicResponse!: string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-30T09:15:00.000Z' }) updatedAt!: string;
}

export class CustomerSuggestionPageDto {
  @ApiProperty({ type: [CustomerSuggestionDto] }) items!: CustomerSuggestionDto[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

/** A suggestion as staff handle it. */
export class StaffSuggestionDto {
  @ApiProperty({ example: '0c6f8e9a-1b2d-4e3f-8a9b-7c6d5e4f3a2b' }) id!: string;
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ enum: ['en', 'ru', 'zh'], example: 'ru' }) language!: string;
  @ApiProperty({ example: 'Send a text message when a refund has been paid.' }) text!: string;
  @ApiProperty({ enum: SUGGESTION_STATUSES, example: 'accepted' }) status!: SuggestionStatus;
  @ApiProperty({
    example: 'The company will send a text message for every refund from March.',
    nullable: true,
    type: String,
  })
  publicResponse!: string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-30T09:15:00.000Z' }) updatedAt!: string;
  @ApiProperty({ example: null, nullable: true, type: String }) implementedAt!: string | null;
}

export class StaffSuggestionPageDto {
  @ApiProperty({ type: [StaffSuggestionDto] }) items!: StaffSuggestionDto[];
  @ApiProperty({
    example: 'WyIyMDI2LTExLTIzVDEwOjAwOjAwLjAwMDAwMFoiLCIuLi4iXQ',
    nullable: true,
    type: String,
  })
  nextCursor!: string | null;
}
