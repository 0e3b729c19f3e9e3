import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';

export class AccessLinkRequestDto {
  @ApiProperty({
    example: 'anna@example.org',
    maxLength: 254,
    description: 'The e-mail address given when the case was filed (case and spaces ignored)',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(254)
  @IsEmail()
  email!: string;
}

export class AccessLinkAcceptedDto {
  @ApiProperty({
    example: 'If this address belongs to the case, a message with a new access link is on its way.',
  })
  message!: string;
}
