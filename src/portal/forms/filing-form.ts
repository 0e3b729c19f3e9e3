import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { isKnownCurrency, minorDigits } from '../../common/money/money';
import { FileEscalationDto } from '../../escalation/dto/file-escalation.dto';
import { fill, PortalTexts } from '../texts/portal-texts';

/** The form's fields, named as on the page. */
export const FILING_FIELDS = [
  'name',
  'email',
  'customerNumber',
  'complaintReference',
  'subject',
  'description',
  'desiredOutcome',
  'amount',
  'currency',
  'category',
  'preferredLanguage',
] as const;
export type FilingField = (typeof FILING_FIELDS)[number];
export type FieldErrors = Partial<Record<FilingField, string>>;

/** The lengths of src/escalation/dto/file-escalation.dto.ts, for the message that names them. */
const MAX_LENGTH: Partial<Record<FilingField, number>> = {
  name: 200,
  email: 254,
  customerNumber: 64,
  complaintReference: 20,
  subject: 200,
  description: 10000,
  desiredOutcome: 2000,
};

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'RUB', 'CNY', 'JPY'] as const;

export interface ParsedFiling {
  readonly values: Record<FilingField, string>;
  readonly dto?: FileEscalationDto;
  readonly errors: FieldErrors;
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** '125.50' in EUR is 12550 minor units; more decimals than the currency has is refused. */
function toMinorUnits(amount: string, currency: string): number | undefined {
  const match = /^(\d{1,13})(?:[.,](\d+))?$/.exec(amount.trim());
  if (!match || !isKnownCurrency(currency)) return undefined;
  const digits = minorDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/**
 * Reads the form into the filing body of the API and validates it with the API's own rules
 * (FileEscalationDto); each refusal becomes a sentence in the customer's language by its field.
 */
export async function parseFilingForm(
  form: Record<string, string | undefined>,
  t: PortalTexts,
): Promise<ParsedFiling> {
  const values = Object.fromEntries(
    FILING_FIELDS.map((field) => [field, String(form[field] ?? '').slice(0, 20000)]),
  ) as Record<FilingField, string>;
  const errors: FieldErrors = {};
  let amountInDispute: { amountMinor: number; currency: string } | undefined;
  if (optional(values.amount)) {
    if (!optional(values.currency)) errors.currency = t.errors.currency;
    else {
      const minor = toMinorUnits(values.amount, values.currency);
      if (minor === undefined) errors.amount = t.errors.amount;
      else amountInDispute = { amountMinor: minor, currency: values.currency };
    }
  }
  const plain = {
    customer: {
      name: values.name,
      email: values.email.trim(),
      customerNumber: optional(values.customerNumber),
    },
    complaintReference: optional(values.complaintReference)?.toUpperCase(),
    subject: values.subject,
    description: values.description,
    desiredOutcome: optional(values.desiredOutcome),
    amountInDispute,
    category: optional(values.category),
    preferredLanguage: optional(values.preferredLanguage),
  };
  const dto = plainToInstance(FileEscalationDto, plain);
  for (const error of flatten(await validate(dto, { forbidUnknownValues: true }))) {
    const field = fieldOf(error.path);
    if (!field || errors[field]) continue;
    errors[field] =
      values[field].trim() === '' ? t.errors.required : messageFor(field, error.constraints, t);
  }
  return Object.keys(errors).length > 0 ? { values, errors } : { values, dto, errors };
}

interface FlatError {
  readonly path: string;
  readonly constraints: Record<string, string>;
}

function flatten(errors: ValidationError[], prefix = ''): FlatError[] {
  return errors.flatMap((e) => [
    ...(e.constraints ? [{ path: `${prefix}${e.property}`, constraints: e.constraints }] : []),
    ...flatten(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

function fieldOf(path: string): FilingField | undefined {
  if (path.startsWith('customer.')) return path.slice('customer.'.length) as FilingField;
  if (path.startsWith('amountInDispute')) return 'amount';
  return (FILING_FIELDS as readonly string[]).includes(path) ? (path as FilingField) : undefined;
}

function messageFor(field: FilingField, constraints: Record<string, string>, t: PortalTexts) {
  const failed = Object.keys(constraints);
  if (failed.includes('isEmail') && field === 'email') return t.errors.email;
  if (failed.includes('maxLength')) return fill(t.errors.tooLong, { max: MAX_LENGTH[field] ?? 0 });
  if (failed.includes('matches')) return t.errors.complaintFormat;
  if (failed.includes('isIn')) return t.errors.choice;
  if (field === 'amount') return t.errors.amount;
  return t.errors.required;
}
