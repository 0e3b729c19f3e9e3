import { ApiProperty } from '@nestjs/swagger';
import { ApiNextCursor } from '../../notifications/webhooks/dto/webhook.dto';
import { MAIL_TEMPLATES } from '../templates/mail-template';

export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;

/** One e-mail on a case: what it was, to whom, and what became of it. */
export class MailMessageDto {
  @ApiProperty({ example: '0f8e1c3a-5b7d-4e2f-8a9c-1d3e5f7a9b2c' }) id!: string;
  @ApiProperty({ enum: MAIL_TEMPLATES, example: 'decision_issued' }) template!: string;
  @ApiProperty({ enum: ['customer', 'company'], example: 'customer' }) audience!: string;
  @ApiProperty({ example: 'anna@example.org' }) recipient!: string;
  @ApiProperty({ enum: ['en', 'ru', 'zh'], example: 'ru' }) language!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Дело OMB-2026-000001: решение омбудсмена',
    description: 'As sent; null until the first attempt',
  })
  subject!: string | null;
  @ApiProperty({ enum: MAIL_STATUSES, example: 'sent' }) status!: string;
  @ApiProperty({ example: 1, description: 'Attempts made so far' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, example: null }) lastError!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '<0f8e1c3a-5b7d-4e2f-8a9c-1d3e5f7a9b2c@ombudsman.example>',
    description: 'The Message-ID header, once sent',
  })
  messageId!: string | null;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'While queued' })
  nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-23T10:00:02.000Z' })
  sentAt!: string | null;
}

export class MailMessagePageDto {
  @ApiProperty({ type: [MailMessageDto] }) items!: MailMessageDto[];
  @ApiNextCursor() nextCursor!: string | null;
}
