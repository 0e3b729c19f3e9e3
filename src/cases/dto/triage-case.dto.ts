import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';
import { REJECTION_CODES, RejectionCode } from '../triage/rejection-code';

export const TRIAGE_DECISIONS = ['accept', 'refer_to_frontline', 'reject'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

export class TriageCaseDto {
  @ApiProperty({ enum: TRIAGE_DECISIONS, example: 'accept' })
  @IsIn(TRIAGE_DECISIONS)
  decision!: TriageDecision;

  @ApiProperty({
    example: 'The front line answered on 2 November; the customer is within time.',
    maxLength: 4000,
    description:
      'The customer reads it: on the timeline of their case and, for a refusal or a referral ' +
      'to the company, as the explanation of that decision. The company does not see it. Keep ' +
      'internal remarks for a note.',
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(4000)
  reason!: string;

  @ApiPropertyOptional({
    example: false,
    description: 'Accept a case brought out of time (ombudsman only); recorded with the reason',
  })
  @IsOptional()
  @IsBoolean()
  discretion?: boolean;

  @ApiPropertyOptional({
    enum: REJECTION_CODES,
    example: 'already_in_court',
    description:
      'With decision reject only: why the dispute is refused, as the annual report counts it ' +
      '(default other); the reason keeps the explanation',
  })
  @IsOptional()
  @IsIn(REJECTION_CODES)
  rejectionCode?: RejectionCode;
}
