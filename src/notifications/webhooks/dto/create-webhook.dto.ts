import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';
import { SUBSCRIBABLE_EVENTS } from '../event-catalogue';

export class CreateWebhookDto {
  @ApiProperty({
    maxLength: 2000,
    example: 'https://crm.example.com/hooks/ombudsman',
    description:
      'http or https. Refused (422) when the host resolves to a loopback, private, link-local ' +
      'or unique-local address, unless the service runs with WEBHOOK_ALLOW_PRIVATE=true.',
  })
  @IsString()
  @MaxLength(2000)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http or https URL' },
  )
  url!: string;

  @ApiProperty({
    type: [String],
    enum: SUBSCRIBABLE_EVENTS,
    minItems: 1,
    maxItems: 50,
    example: ['case.submitted', 'case.status_changed'],
    description: 'Event types from GET /v1/admin/webhooks/event-types, or `*` for all of them',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsIn(SUBSCRIBABLE_EVENTS, {
    each: true,
    message: 'each value in events must be an event type from GET /v1/admin/webhooks/event-types',
  })
  events!: string[];

  @ApiPropertyOptional({ maxLength: 500, example: 'CRM: open a ticket for every new case' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}
