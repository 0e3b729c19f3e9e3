import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';

export class CustomerMessageDto {
  @ApiProperty({ example: 'The receipt number is 4471-22.', maxLength: 10000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(10000)
  body!: string;
}

export class CustomerMessageReceiptDto {
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) receivedAt!: string;
  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'The question of the ombudsman this message answered, if one was open',
  })
  answeredInformationRequestId!: string | null;
}
