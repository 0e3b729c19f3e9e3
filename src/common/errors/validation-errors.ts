import { ValidationError } from 'class-validator';
import { DomainError, FieldError } from './domain-error';

/** Flattens class-validator's tree into `errors[]` with dotted field paths (`customer.email`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) /, 'field $1 '),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): DomainError {
  const fields = flattenValidationErrors(errors);
  const detail =
    fields.length === 1
      ? `${fields[0].field}: ${fields[0].message}`
      : `${fields.length} fields are not valid`;
  return new DomainError('VALIDATION_FAILED', detail, {}, fields);
}
