import { ApiProperty } from '@nestjs/swagger';

export class WebhookDto {
  @ApiProperty({ example: '3b0f5a8e-8c1d-4f0e-9d7a-2e6c1b4a9f10' }) id!: string;
  @ApiProperty({ example: 'https://crm.example.com/hooks/ombudsman' }) url!: string;
  @ApiProperty({ type: [String], example: ['case.submitted', 'case.status_changed'] })
  events!: string[];
  @ApiProperty({ type: String, nullable: true, example: 'CRM: open a ticket for every new case' })
  description!: string | null;
  @ApiProperty({ example: 'olga', description: 'Who created the subscription' })
  createdBy!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=',
    description:
      'The signing secret, shown only in this answer: keep it to verify `Webhook-Signature` ' +
      '(Standard Webhooks: HMAC-SHA256 keyed with the base64-decoded part after `whsec_`).',
  })
  secret!: string;
}

/** The `nextCursor` of every webhook list. */
export const ApiNextCursor = () =>
  ApiProperty({
    type: String,
    nullable: true,
    example: 'WyI0MiJd',
    description: 'Pass as `cursor` for the next page; null on the last page',
  });

export class WebhookPageDto {
  @ApiProperty({ type: [WebhookDto] }) items!: WebhookDto[];
  @ApiNextCursor() nextCursor!: string | null;
}

export class WebhookEventTypeDto {
  @ApiProperty({ example: 'case.submitted' }) type!: string;
  @ApiProperty({ example: 'A customer filed a dispute with the ombudsman' }) description!: string;
}
