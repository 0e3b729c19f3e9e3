import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { PARTIES, Party } from './information-request.dto';

/** Outcomes staff may close a case with by hand; the others follow from the parties' answers. */
export const CLOSABLE_OUTCOMES = ['rejected', 'resolved_by_frontline'] as const;

export class CloseCaseDto {
  @ApiProperty({ enum: CLOSABLE_OUTCOMES, example: 'resolved_by_frontline' })
  @IsIn(CLOSABLE_OUTCOMES)
  outcome!: (typeof CLOSABLE_OUTCOMES)[number];

  @ApiProperty({ example: 'The company refunded the deposit after our referral.', maxLength: 4000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  reason!: string;
}

export class LitigationDto {
  @ApiProperty({ enum: PARTIES, example: 'customer', description: 'Who went to court' })
  @IsIn(PARTIES)
  party!: Party;

  @ApiPropertyOptional({ example: 'Amtsgericht Berlin-Mitte', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  court?: string;

  @ApiPropertyOptional({
    example: '2026-11-20',
    description: 'When the claim was filed; default today',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  filedAt?: string;

  @ApiPropertyOptional({ example: 'The customer’s lawyer informed us by letter.', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class NoteDto {
  @ApiProperty({
    example: 'Billing confirms the deposit was withheld by mistake.',
    maxLength: 10000,
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(10000)
  body!: string;
}

export class StaffMessageDto extends NoteDto {
  @ApiProperty({ enum: PARTIES, example: 'customer' })
  @IsIn(PARTIES)
  to!: Party;
}
