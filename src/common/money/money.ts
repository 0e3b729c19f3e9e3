/**
 * Money as integer minor units plus an ISO 4217 code. Amounts never pass through
 * floating point: decimals are produced by string manipulation and sums are accumulated in BigInt.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

// Built lazily: the list comes from the ICU data of the running platform, not from a copy of ours.
let knownCurrencies: ReadonlySet<string> | undefined;

export function isKnownCurrency(code: unknown): code is string {
  if (typeof code !== 'string' || !CURRENCY_CODE.test(code)) return false;
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

// Constructing a NumberFormat is costly compared with the lookup; currencies are few.
const digitsByCurrency = new Map<string, number>();

/** How many minor digits the currency has (JPY 0, EUR 2, BHD 3), as the platform's CLDR data says. */
export function minorDigits(currency: string): number {
  const cached = digitsByCurrency.get(currency);
  if (cached !== undefined) return cached;
  if (!isKnownCurrency(currency)) throw new RangeError(`Unknown currency: ${currency}`);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  // resolvedOptions() types the field as optional; for style 'currency' ICU always sets it.
  const resolved = digits ?? 2;
  digitsByCurrency.set(currency, resolved);
  return resolved;
}

function assertSafeMinor(amountMinor: number): void {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`amountMinor must be a safe integer, got ${amountMinor}`);
  }
}

/** The amount in major units as an exact decimal string: 12550 EUR → '125.50', 5 BHD → '0.005'. */
export function toDecimalString(money: Money): string {
  assertSafeMinor(money.amountMinor);
  const digits = minorDigits(money.currency);
  const sign = money.amountMinor < 0 ? '-' : '';
  const magnitude = String(Math.abs(money.amountMinor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + magnitude;
  const cut = magnitude.length - digits;
  return `${sign}${magnitude.slice(0, cut)}.${magnitude.slice(cut)}`;
}

/** Localised display, e.g. '€125.50' in 'en' and '125,50 €' in 'ru'. */
export function formatMoney(money: Money, locale: string): string {
  const digits = minorDigits(money.currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // The string form keeps every digit: a number above 2^53 / 10^digits would already be rounded.
  return format.format(toDecimalString(money) as Intl.StringNumericLiteral);
}

/**
 * One total per currency, ordered by currency code so reports are stable. Throws rather than
 * returning a total that a JavaScript number cannot hold exactly.
 */
export function sumByCurrency(list: readonly Money[]): Money[] {
  const totals = new Map<string, bigint>();
  for (const money of list) {
    assertSafeMinor(money.amountMinor);
    totals.set(money.currency, (totals.get(money.currency) ?? 0n) + BigInt(money.amountMinor));
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, total]) => {
      if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new RangeError(`The ${currency} total exceeds the safe integer range`);
      }
      return { amountMinor: Number(total), currency };
    });
}

/** -1, 0 or 1. Amounts in different currencies have no order, so comparing them is a bug. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  if (a.currency !== b.currency) {
    throw new RangeError(`Cannot compare ${a.currency} with ${b.currency}`);
  }
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}
