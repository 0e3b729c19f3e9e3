import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';

export const PARTIES = ['customer', 'company'] as const;
export type Party = (typeof PARTIES)[number];

export class CreateInformationRequestDto {
  @ApiProperty({ enum: PARTIES, example: 'customer' })
  @IsIn(PARTIES)
  party!: Party;

  @ApiProperty({ example: 'Please send the receipt of your return.', maxLength: 4000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  question!: string;

  @ApiPropertyOptional({
    example: '2026-12-07T17:00:00Z',
    description: 'Default: 14 days from now',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  dueAt?: string;
}

export class InformationRequestDto {
  @ApiProperty({ example: '0d8f3c1e-7b1a-4c55-9a55-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ enum: PARTIES, example: 'customer' }) party!: Party;
  @ApiProperty({ example: 'Please send the receipt of your return.' }) question!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) askedAt!: string;
  @ApiProperty({ example: '2026-12-07T17:00:00.000Z' }) dueAt!: string;
  @ApiProperty({ enum: ['open', 'answered'], example: 'open' }) status!: 'open' | 'answered';
  @ApiPropertyOptional({ example: null, nullable: true, type: String }) answeredAt!: string | null;
  @ApiPropertyOptional({ example: null, nullable: true, type: String }) answer!: string | null;
}
