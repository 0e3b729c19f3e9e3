import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorSchema {
  @ApiProperty({ example: 'customer.email' }) field!: string;
  @ApiProperty({ example: 'customer.email must be an email' }) message!: string;
}

/** RFC 9457 problem details, as every error of this API is answered. */
export class ProblemSchema {
  @ApiProperty({ example: 'https://ombudsman.example/problems/validation-failed' }) type!: string;
  @ApiProperty({ example: 'The request is not valid' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'customer.email: customer.email must be an email' }) detail!: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code!: string;
  @ApiPropertyOptional({ example: '/v1/escalations' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema], description: 'The first 50 field errors' })
  errors?: FieldErrorSchema[];
  @ApiPropertyOptional({ example: 1, description: 'How many field errors there are in all' })
  errorCount?: number;
  @ApiPropertyOptional({
    example: 'investigation',
    description: 'On a 409 about a case: its status now',
  })
  currentStatus?: string;
  @ApiPropertyOptional({
    example: 7,
    description: 'On a 412: the version of the resource now (send it as `If-Match`)',
  })
  currentVersion?: number;
  @ApiPropertyOptional({
    example: 30,
    description: 'On a 429 or 503: seconds to wait, as in `Retry-After`',
  })
  retryAfterSeconds?: number;
  @ApiPropertyOptional({
    example: '0f5c9a1e-6b1d-4c3e-9b7a-2f4d8e1c0a9b',
    description: 'On a 500: the `X-Request-Id` of the request, to quote to support',
  })
  correlationId?: string;
}
