import { ApiProperty } from '@nestjs/swagger';

export class BrokenLinkDto {
  @ApiProperty({ example: '0d8f3c1e-7b1a-4c55-9a55-3f2d1f1f9a10' }) chainKey!: string;
  @ApiProperty({ example: 7 }) seq!: number;
  @ApiProperty({ example: '1042' }) id!: string;
  @ApiProperty({ enum: ['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap'] }) reason!: string;
}

export class VerificationReportDto {
  @ApiProperty({ example: true }) valid!: boolean;
  @ApiProperty({ example: 12 }) chainsChecked!: number;
  @ApiProperty({ example: 340 }) entriesChecked!: number;
  @ApiProperty({ type: BrokenLinkDto, nullable: true, example: null })
  firstBroken!: BrokenLinkDto | null;
}
