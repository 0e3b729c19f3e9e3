import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DEADLINE_KINDS, POLICY_UNITS } from '../sla-policy';

export class SlaPolicyInputDto {
  @ApiProperty({ enum: DEADLINE_KINDS, example: 'acknowledge' })
  @IsIn(DEADLINE_KINDS)
  kind!: (typeof DEADLINE_KINDS)[number];

  @ApiProperty({ example: 2, minimum: 1, maximum: 3650 })
  @IsInt()
  @Min(1)
  @Max(3650)
  amount!: number;

  @ApiProperty({ enum: POLICY_UNITS, example: 'business_days' })
  @IsIn(POLICY_UNITS)
  unit!: (typeof POLICY_UNITS)[number];

  @ApiPropertyOptional({
    example: null,
    nullable: true,
    type: String,
    description: 'The calendar business days count in; the default calendar when absent',
  })
  @IsOptional()
  @IsUUID()
  calendarId?: string | null;
}

/** The body of PUT /v1/admin/sla/policies: the kinds listed change, the others stay. */
export class UpdateSlaPoliciesDto {
  @ApiProperty({ type: [SlaPolicyInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DEADLINE_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => SlaPolicyInputDto)
  policies!: SlaPolicyInputDto[];
}

export class SlaPolicyDto {
  @ApiProperty({ enum: DEADLINE_KINDS, example: 'acknowledge' }) kind!: string;
  @ApiProperty({ example: 2 }) amount!: number;
  @ApiProperty({ enum: POLICY_UNITS, example: 'business_days' }) unit!: string;
  @ApiProperty({ example: null, nullable: true, type: String }) calendarId!: string | null;
  @ApiProperty({
    enum: ['configured', 'changed'],
    example: 'configured',
    description: '`configured`: the start-up default; `changed`: set through this API',
  })
  source!: 'configured' | 'changed';
  @ApiProperty({ example: null, nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) updatedBy!: string | null;
}

export class SlaPolicyListDto {
  @ApiProperty({ type: [SlaPolicyDto] }) items!: SlaPolicyDto[];
}
