import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';

export class AssignCaseDto {
  @ApiProperty({
    example: 'olga',
    description: 'The officer’s id (the `sub` of their token)',
    maxLength: 200,
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  officerId!: string;

  @ApiPropertyOptional({
    example: 'Olga O',
    description:
      'Shown to the customer as who handles the case. When absent, the name the officer last ' +
      'carried in a token; if the service never saw one, the customer reads neutral words ' +
      '(“Your case handler”) in their language, never the officer’s id',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  officerName?: string;
}

export class DeclareConflictDto {
  @ApiProperty({ example: 'The customer is my neighbour.', maxLength: 2000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({
    example: 'olga',
    description: 'Whose conflict (an ombudsman may record one for a colleague); default: yours',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  staffId?: string;
}

/** A declared conflict of interest, as recorded. */
export class ConflictDeclarationDto {
  @ApiProperty({ example: '0d8f3c1e-7b1a-4c55-9a55-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ example: 'OMB-2026-000001' }) reference!: string;
  @ApiProperty({ example: 'olga', description: 'Whose conflict' }) staffId!: string;
  @ApiProperty({ example: 'The customer is my neighbour.' }) reason!: string;
  @ApiProperty({ example: 'oscar', description: 'Who recorded it' }) declaredBy!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) declaredAt!: string;
  @ApiProperty({
    example: true,
    description: 'Whether the declarer held the case and was released from it just now',
  })
  unassigned!: boolean;
}
