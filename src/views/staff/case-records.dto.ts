import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { StaffTimelineEntryDto } from './staff-case.dto';

export class AuditEntryDto {
  @ApiProperty({ example: '1042' }) id!: string;
  @ApiProperty({ example: 3 }) seq!: number;
  @ApiProperty({ example: 'alice' }) actorSub!: string;
  @ApiProperty({ example: 'ombudsman' }) actorRole!: string;
  @ApiProperty({ example: 'case.accept' }) action!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { status: 'submitted' },
  })
  before!: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { status: 'accepted' },
  })
  after!: unknown;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) occurredAt!: string;
  @ApiProperty({ example: '9f2c…', description: 'SHA-256 of this entry' }) hash!: string;
  @ApiProperty({ example: '1a7b…', nullable: true, type: String }) prevHash!: string | null;
}

export class CaseAuditDto {
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ example: true, description: 'Whether the case’s hash chain is intact' })
  intact!: boolean;
  @ApiProperty({ type: [AuditEntryDto] }) entries!: AuditEntryDto[];
}

export class CaseTimelineDto {
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ type: [StaffTimelineEntryDto] }) items!: StaffTimelineEntryDto[];
}

/** A note or message as created: the timeline entry that holds it. */
export class PostedDto {
  @ApiProperty({ example: '1042', description: 'The id of the timeline entry' }) id!: string;
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ example: 'note.internal', description: 'The timeline entry type' }) type!: string;
  @ApiPropertyOptional({ enum: ['customer', 'company'], description: 'Messages only' })
  to?: 'customer' | 'company';
  @ApiProperty({ example: 'Checked the ledger with the company.' }) body!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) at!: string;
}
