import { ApiProperty } from '@nestjs/swagger';
import { CASE_OUTCOMES, CASE_STATUSES } from '../../case-lifecycle';

/** One line of the queue: enough to pick a case, not the case itself. */
export class CaseQueueRowDto {
  @ApiProperty({ example: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ example: 'OMB-2026-000123' }) reference!: string;
  @ApiProperty({ enum: CASE_STATUSES, example: 'investigation' }) status!: string;
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true, example: null }) outcome!: string | null;
  @ApiProperty({ example: 'billing' }) category!: string;
  @ApiProperty({ enum: ['en', 'ru', 'zh'], example: 'ru' }) language!: string;
  @ApiProperty({ example: 'Отказ в возврате денег' }) subject!: string;
  @ApiProperty({ example: 'Алёна Королёва' }) customerName!: string;
  @ApiProperty({ example: 'olga', nullable: true, type: String }) assignedOfficerId!: string | null;
  @ApiProperty({ example: 'Olga O', nullable: true, type: String }) assignedOfficerName!:
    string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-24T08:30:00.000Z' }) updatedAt!: string;
  @ApiProperty({ example: 3, description: 'Send it back as If-Match to refuse stale writes' })
  version!: number;
}

export class CaseQueuePageDto {
  @ApiProperty({ type: [CaseQueueRowDto] }) items!: CaseQueueRowDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'WyIyMDI2LTExLTIzVDEwOjAwOjAwLjEyMzQ1NloiLCI2ZjFjMmE5ZSJd',
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
