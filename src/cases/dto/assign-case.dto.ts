import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class AssignCaseDto {
  @ApiProperty({
    example: 'olga',
    description: 'The officer’s id (the `sub` of their token)',
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  officerId!: string;

  @ApiPropertyOptional({
    example: 'Olga O',
    description: 'Shown to the customer as who handles the case',
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
  @IsNotEmpty()
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
