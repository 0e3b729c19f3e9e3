import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class BrokenLinkDto {
  @ApiProperty({ example: '0d8f3c1e-7b1a-4c55-9a55-3f2d1f1f9a10' }) chainKey!: string;
  @ApiProperty({ example: 7 }) seq!: number;
  @ApiProperty({ example: '1042' }) id!: string;
  @ApiProperty({
    enum: ['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'checkpoint_mismatch'],
  })
  reason!: string;
}

export class VerificationReportDto {
  @ApiProperty({ example: true }) valid!: boolean;
  @ApiProperty({ example: 12 }) chainsChecked!: number;
  @ApiProperty({ example: 340 }) entriesChecked!: number;
  @ApiProperty({ type: BrokenLinkDto, nullable: true, example: null })
  firstBroken!: BrokenLinkDto | null;
}

export const VERIFICATION_MODES = ['incremental', 'full'] as const;

export class StartVerificationDto {
  @ApiProperty({
    enum: VERIFICATION_MODES,
    example: 'incremental',
    description:
      '`incremental` checks the entries appended since the last verified point (a full run ' +
      'when there is none yet); `full` checks every chain.',
  })
  @IsIn(VERIFICATION_MODES)
  mode!: (typeof VERIFICATION_MODES)[number];
}

export class VerifiedPointDto {
  @ApiProperty({ example: '1048576', description: 'Every entry up to this id is verified.' })
  throughId!: string;
  @ApiProperty({ example: '1048577', description: 'The audit entry that records this point.' })
  entryId!: string;
}

export class VerificationRunDto extends VerificationReportDto {
  @ApiProperty({ enum: VERIFICATION_MODES, example: 'incremental' }) mode!: string;
  @ApiProperty({
    example: '1040000',
    description: "Entries after this id were checked ('0': all).",
  })
  sinceId!: string;
  @ApiProperty({
    type: VerifiedPointDto,
    nullable: true,
    description: 'The point this run recorded; null when it found a break.',
  })
  checkpoint!: VerifiedPointDto | null;
}
