import { isNotEmpty, ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Like class-validator's IsNotEmpty, and a string of only spaces or line breaks is empty too: a
 * complaint whose description is "   " says nothing, and no office would take it.
 */
export function isNotBlank(value: unknown): boolean {
  return isNotEmpty(value) && (typeof value !== 'string' || value.trim().length > 0);
}

export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => isNotBlank(value),
        defaultMessage: () => '$property must not be empty or only spaces',
      },
    },
    options,
  );
}
