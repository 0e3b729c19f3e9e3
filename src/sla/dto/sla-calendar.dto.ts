import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank';

/** A zone the platform's `Intl` knows (IANA names such as `Europe/Berlin`). */
@ValidatorConstraint({ name: 'timeZone' })
class TimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length === 0) return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as Europe/Berlin';
  }
}

/** The body of POST and PUT /v1/admin/sla/calendars. */
export class SlaCalendarInputDto {
  @ApiProperty({ example: 'Germany', maxLength: 100 })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'Europe/Berlin', maxLength: 64, description: 'IANA time zone' })
  @IsString()
  @MaxLength(64)
  @Validate(TimeZoneConstraint)
  timeZone!: string;

  @ApiProperty({
    type: [Number],
    example: [1, 2, 3, 4, 5],
    description: 'ISO weekdays: 1 = Monday … 7 = Sunday',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workingDays!: number[];

  @ApiProperty({ type: [String], example: ['2026-12-25', '2026-12-26'], maxItems: 1000 })
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    each: true,
    message: 'each holiday must be a date YYYY-MM-DD',
  })
  holidays!: string[];

  @ApiPropertyOptional({
    example: false,
    description: 'Make this the calendar of every policy that names none',
  })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class SlaCalendarDto {
  @ApiProperty({ example: '6f1c2a9e-1d7b-4a55-8c1e-3f2d1f1f9a10' }) id!: string;
  @ApiProperty({ example: 'default' }) name!: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone!: string;
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5] }) workingDays!: number[];
  @ApiProperty({ type: [String], example: ['2026-12-25'] }) holidays!: string[];
  @ApiProperty({ example: true }) isDefault!: boolean;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) updatedAt!: string;
}

export class SlaCalendarListDto {
  @ApiProperty({ type: [SlaCalendarDto] }) items!: SlaCalendarDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Always null: calendars are few and come on one page',
  })
  nextCursor!: string | null;
}
