import { ApiProperty } from '@nestjs/swagger';
import { MoneyDto } from '../../common/money/money.dto';

export class ComplaintCustomerViewDto {
  @ApiProperty({ example: 'Анна Петрова' }) name!: string;
  @ApiProperty({ example: 'anna@example.org' }) email!: string;
  @ApiProperty({ type: String, nullable: true, example: 'C-1009' }) customerNumber!: string | null;
}

export class FinalResponseViewDto {
  @ApiProperty({ example: 'We have refunded the deposit and apologise for the delay.' })
  text!: string;

  @ApiProperty({ type: MoneyDto, nullable: true, example: { amountMinor: 12550, currency: 'EUR' } })
  offer!: MoneyDto | null;

  @ApiProperty({ format: 'date-time', example: '2026-03-02T10:15:00.000Z' }) respondedAt!: string;
  @ApiProperty({ example: 'agent-17', description: 'Who recorded the response' })
  respondedBy!: string;
}

export class ComplaintDto {
  @ApiProperty({ format: 'uuid', example: '5b0c3f5e-8f4a-4d0e-9a39-6f1c1f7d2a10' }) id!: string;
  @ApiProperty({ example: 'CMP-000123', pattern: '^CMP-[0-9]{6,}$' }) reference!: string;
  @ApiProperty({ type: ComplaintCustomerViewDto }) customer!: ComplaintCustomerViewDto;
  @ApiProperty({ example: 'Refund refused' }) subject!: string;
  @ApiProperty({ example: 'I returned the heater within 14 days and the shop refuses to refund.' })
  description!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'email',
    description: 'email, phone, chat, letter, web, store, other, or ombudsman_referral',
  })
  channel!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'crm-48151623' }) externalId!:
    string | null;
  @ApiProperty({ example: 'agent-17', description: 'The agent handling the complaint' })
  agentId!: string;

  @ApiProperty({
    example: 'crm',
    description: 'Token subject of the creator; ombudsman for referrals',
  })
  source!: string;

  @ApiProperty({ format: 'date-time', example: '2026-02-09T09:00:00.000Z' }) receivedAt!: string;
  @ApiProperty({
    format: 'date-time',
    example: '2026-03-02T09:00:00.000Z',
    description: 'Final-response deadline: receivedAt plus the policy’s business days',
  })
  responseDueAt!: string;

  @ApiProperty({ type: FinalResponseViewDto, nullable: true, example: null })
  finalResponse!: FinalResponseViewDto | null;
}

export class ComplaintPageDto {
  @ApiProperty({ type: [ComplaintDto], description: 'Newest first' }) items!: ComplaintDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'WyIyMDI2LTAyLTA5VDA5OjAwOjAwLjAwMFoiLCI1YjBjIl0',
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
