import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class GiveFeedbackDto {
  @ApiProperty({
    minimum: 1,
    maximum: 5,
    example: 4,
    description: '1 (very poor) to 5 (excellent)',
  })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({
    example: 'Clear explanations, but the first answer took a while.',
    maxLength: 4000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class FeedbackDto {
  @ApiProperty({ example: '5b0d2c1e-8f0a-4c57-9d1e-2f4b6a8c0e12' }) id!: string;
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ example: 4 }) rating!: number;
  @ApiProperty({
    example: 'Clear explanations, but the first answer took a while.',
    nullable: true,
    type: String,
  })
  comment!: string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
}
