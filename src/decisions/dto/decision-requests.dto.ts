import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { Finding } from '../../cases/case-lifecycle';
import { RemedyInputDto } from '../../compensation/dto/remedy.dto';
import { FINDINGS } from './decision-view.dto';

export class IssueDecisionDto {
  @ApiProperty({ enum: FINDINGS, example: 'upheld' })
  @IsIn(FINDINGS)
  finding!: Finding;

  @ApiProperty({
    example: 'The contract allows no deduction from the deposit; the company must refund it.',
    maxLength: 20000,
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(20000)
  reasoning!: string;

  @ApiProperty({
    type: [RemedyInputDto],
    maxItems: 20,
    description: 'None for a not_upheld finding',
    example: [
      {
        type: 'refund',
        amount: { amountMinor: 12550, currency: 'EUR' },
        description: 'Refund of the deposit',
      },
    ],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RemedyInputDto)
  remedies!: RemedyInputDto[];
}

export class ReviseDecisionDto extends IssueDecisionDto {
  @ApiProperty({
    example: 'The refund amount was mistyped: the deposit was 125.50, not 12.55.',
    maxLength: 4000,
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  reason!: string;
}
