import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  ValidationArguments,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { CATEGORIES } from '../../case-category';
import { CASE_STATUSES, CaseStatus } from '../../case-lifecycle';
import { searchProblem } from '../search-terms';

/** `?status=a&status=b` and `?status=a,b` mean the same. */
function listOf(value: unknown): unknown {
  if (value === undefined) return value;
  const parts = Array.isArray(value) ? value : [value];
  return parts.flatMap((part) =>
    typeof part === 'string' ? part.split(',').map((s) => s.trim()) : [part],
  );
}

@ValidatorConstraint({ name: 'searchable' })
class SearchableConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && searchProblem(value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return typeof args.value === 'string' ? (searchProblem(args.value) ?? '') : 'q must be text';
  }
}

/** `?breached=true` is a boolean, not the text "true". */
function flag(value: unknown): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/** Filters of the case queue; every one is optional and they combine with AND. */
export class CaseQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: [String],
    enum: CASE_STATUSES,
    description: 'Any of these statuses: repeat the parameter or separate with commas',
    example: ['investigation', 'mediation'],
  })
  @IsOptional()
  @Transform(({ value }) => listOf(value))
  @IsArray()
  @ArrayMaxSize(CASE_STATUSES.length)
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({
    description: '`me` (the caller), `none` (unassigned) or an officer id',
    example: 'me',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^\S+$/, { message: 'assignee must be me, none or an officer id' })
  assignee?: string;

  @ApiPropertyOptional({ enum: CATEGORIES, example: 'billing' })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only cases with a deadline past due and still owed (`true`)',
    example: true,
  })
  @IsOptional()
  @Transform(({ value }) => flag(value))
  @IsBoolean()
  breached?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only cases with a deadline at 80% of its time, not yet breached (`true`)',
    example: true,
  })
  @IsOptional()
  @Transform(({ value }) => flag(value))
  @IsBoolean()
  atRisk?: boolean;

  @ApiPropertyOptional({
    description:
      'Words to find in the reference, customer name or e-mail, subject and description, in any ' +
      'language; every word must occur. Case and ё/е do not matter. A word needs 3 letters or ' +
      'digits, or one Chinese, Japanese or Korean character (`款`, `退款`).',
    example: 'возврат',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Validate(SearchableConstraint)
  q?: string;
}
