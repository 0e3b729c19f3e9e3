import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { RemedyInputDto } from '../../compensation/dto/remedy.dto';

export class MakeProposalDto {
  @ApiProperty({
    example: 'The company refunds the deposit in full and apologises in writing.',
    maxLength: 10000,
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(10000)
  terms!: string;

  @ApiProperty({
    type: [RemedyInputDto],
    maxItems: 20,
    example: [
      {
        type: 'refund',
        amount: { amountMinor: 12550, currency: 'EUR' },
        description: 'Refund of the deposit',
      },
      { type: 'apology', description: 'A written apology from the branch manager' },
    ],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RemedyInputDto)
  remedies!: RemedyInputDto[];

  @ApiPropertyOptional({
    example: '2026-12-07T17:00:00Z',
    description: 'After this the proposal can no longer be accepted; must be in the future',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  expiresAt?: string;
}

export class AnswerDto {
  @ApiPropertyOptional({ example: 'The amount does not cover my costs.', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;
}
