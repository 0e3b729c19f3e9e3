import { ApiProperty } from '@nestjs/swagger';
import { RemedyViewDto, StaffRemedyDto } from '../../compensation/dto/remedy.dto';
import { REMEDY_TYPES } from '../../compensation/remedy-types';
import { MoneyDto } from '../../common/money/money.dto';

export const FINDINGS = ['upheld', 'partially_upheld', 'not_upheld'] as const;

export class DecisionAnswerDto {
  @ApiProperty({ enum: ['accepted', 'rejected'], example: 'accepted' }) answer!: string;
  @ApiProperty({ example: '2026-11-30T10:00:00.000Z' }) answeredAt!: string;
}

/** What an earlier revision awarded; it was never binding, so it carries no status or dates. */
export class RemedySummaryDto {
  @ApiProperty({ enum: REMEDY_TYPES, example: 'refund' }) type!: string;
  @ApiProperty({ type: MoneyDto, nullable: true }) amount!: MoneyDto | null;
  @ApiProperty({ example: 'Refund of the deposit' }) description!: string;
}

/** An earlier issued revision, kept readable by the parties after a correction. */
export class EarlierDecisionDto {
  @ApiProperty({ example: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ example: 1 }) revision!: number;
  @ApiProperty({ enum: FINDINGS, example: 'upheld' }) finding!: string;
  @ApiProperty({ example: 'The deposit was withheld without a contractual basis.' })
  reasoning!: string;
  @ApiProperty({ type: [RemedySummaryDto] }) remedies!: RemedySummaryDto[];
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) issuedAt!: string;
  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'Why this revision corrected the one before it; null for the first decision',
  })
  revisionReason!: string | null;
  @ApiProperty({
    example: 'Part of the deposit covered real damage.',
    description: 'The reason given by the revision that replaced this one',
  })
  replacedBecause!: string;
}

/** The current decision as the customer and the company see it. */
export class DecisionViewDto {
  @ApiProperty({ example: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ example: 1, description: '1 for the first decision, higher once revised' })
  revision!: number;
  @ApiProperty({ example: false, description: 'Whether this replaces an earlier revision' })
  revised!: boolean;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Why it was revised' })
  revisionReason!: string | null;
  @ApiProperty({ enum: FINDINGS, example: 'upheld' }) finding!: string;
  @ApiProperty({ example: 'The deposit was withheld without a contractual basis.' })
  reasoning!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) issuedAt!: string;
  @ApiProperty({ type: [RemedyViewDto] }) remedies!: RemedyViewDto[];
  @ApiProperty({ type: DecisionAnswerDto, nullable: true }) answer!: DecisionAnswerDto | null;
  @ApiProperty({
    type: [EarlierDecisionDto],
    description: 'Earlier issued revisions, oldest first; empty unless the decision was revised',
  })
  history!: EarlierDecisionDto[];
}

export class DecisionRevisionDto {
  @ApiProperty({ example: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ example: 1 }) revision!: number;
  @ApiProperty({
    enum: ['awaiting_approval', 'issued', 'superseded'],
    example: 'issued',
    description:
      '`superseded`: the revision awaited approval when the customer answered the one in force, ' +
      'so it can never be issued',
  })
  status!: string;
  @ApiProperty({ enum: FINDINGS, example: 'upheld' }) finding!: string;
  @ApiProperty({ example: 'The deposit was withheld without a contractual basis.' })
  reasoning!: string;
  @ApiProperty({ example: null, nullable: true, type: String }) revisionReason!: string | null;
  @ApiProperty({ example: 'oscar' }) draftedBy!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z', nullable: true, type: String })
  issuedAt!: string | null;
  @ApiProperty({ example: 'oscar', nullable: true, type: String }) issuedBy!: string | null;
  @ApiProperty({
    example: '3f1a…',
    description: 'SHA-256 of the canonical content; also recorded in the audit chain',
  })
  contentHash!: string;
  @ApiProperty({ type: [StaffRemedyDto] }) remedies!: StaffRemedyDto[];
}

/** Every revision of a case's decision for staff, the current one first among issued. */
export class StaffDecisionDto {
  @ApiProperty({
    example: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10',
    description: 'The latest revision: the one this request created or issued',
  })
  id!: string;
  @ApiProperty({ example: 1, description: 'The number of the latest revision' })
  revision!: number;
  @ApiProperty({ example: 'OMB-2026-000001' }) caseReference!: string;
  @ApiProperty({
    example: 1,
    nullable: true,
    type: Number,
    description: 'The issued revision in force',
  })
  currentRevision!: number | null;
  @ApiProperty({ type: DecisionRevisionDto, nullable: true, description: 'Awaiting approval' })
  pending!: DecisionRevisionDto | null;
  @ApiProperty({ type: DecisionAnswerDto, nullable: true }) answer!: DecisionAnswerDto | null;
  @ApiProperty({ type: [DecisionRevisionDto], description: 'Oldest first, drafts included' })
  revisions!: DecisionRevisionDto[];
}
