import { ApiProperty } from '@nestjs/swagger';

/** A deadline as every view shows it: who owes what, by when, paused or missed. */
export class DeadlineDto {
  @ApiProperty({
    example: 'acknowledge',
    enum: [
      'acknowledge',
      'frontline_response',
      'outcome',
      'decision_answer',
      'remedy_payment',
      'information_request',
    ],
  })
  kind!: string;
  @ApiProperty({
    example: 'office',
    enum: ['office', 'company', 'customer'],
    description: 'Who owes it',
  })
  party!: string;
  @ApiProperty({ example: '2026-11-25T10:00:00.000Z' }) dueAt!: string;
  @ApiProperty({ example: false }) paused!: boolean;
  @ApiProperty({ example: false }) breached!: boolean;
  @ApiProperty({ example: null, nullable: true, type: String }) metAt!: string | null;
}
