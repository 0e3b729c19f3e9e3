import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
import { isKnownCurrency } from './money';

export const IS_KNOWN_CURRENCY = 'isKnownCurrency';

/**
 * An ISO 4217 code the platform knows. `@IsISO4217CurrencyCode` from class-validator carries its
 * own list; this one agrees with `Intl`, which also gives us the minor digits.
 */
export function IsKnownCurrency(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_KNOWN_CURRENCY,
      validator: {
        validate: (value: unknown): boolean => isKnownCurrency(value),
        defaultMessage: buildMessage(
          (eachPrefix) => `${eachPrefix}$property must be an ISO 4217 currency code such as EUR`,
          options,
        ),
      },
    },
    options,
  );
}
