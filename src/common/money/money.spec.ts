import fc from 'fast-check';
import {
  Money,
  compareMoney,
  formatMoney,
  isKnownCurrency,
  minorDigits,
  sumByCurrency,
  toDecimalString,
} from './money';

const currencies = Intl.supportedValuesOf('currency');
const currency = fc.constantFrom(...currencies);
const safeAmount = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const money = fc.record({ amountMinor: safeAmount, currency });

describe('currencies', () => {
  it('knows the codes the platform knows and nothing else', () => {
    expect(isKnownCurrency('EUR')).toBe(true);
    expect(isKnownCurrency('CNY')).toBe(true);
    expect(isKnownCurrency('eur')).toBe(false);
    expect(isKnownCurrency('EURO')).toBe(false);
    expect(isKnownCurrency('ABC')).toBe(false);
    expect(isKnownCurrency(978)).toBe(false);
  });

  it('gives JPY no minor digits, EUR two and BHD three', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('BHD')).toBe(3);
  });

  it('refuses to guess the digits of an unknown currency', () => {
    expect(() => minorDigits('ABC')).toThrow(RangeError);
  });
});

describe('decimal strings', () => {
  it('places the decimal point by the currency digits', () => {
    expect(toDecimalString({ amountMinor: 12550, currency: 'EUR' })).toBe('125.50');
    expect(toDecimalString({ amountMinor: 5, currency: 'EUR' })).toBe('0.05');
    expect(toDecimalString({ amountMinor: -5, currency: 'BHD' })).toBe('-0.005');
    expect(toDecimalString({ amountMinor: 12550, currency: 'JPY' })).toBe('12550');
  });

  it('keeps every digit of the largest safe amount', () => {
    expect(toDecimalString({ amountMinor: Number.MAX_SAFE_INTEGER, currency: 'EUR' })).toBe(
      '90071992547409.91',
    );
  });

  it('refuses fractional minor units', () => {
    expect(() => toDecimalString({ amountMinor: 1.5, currency: 'EUR' })).toThrow(RangeError);
  });

  it('reads back as the same number of minor units for any amount and currency', () => {
    fc.assert(
      fc.property(money, (m) => {
        const [whole, fraction = ''] = toDecimalString(m).replace('-', '').split('.');
        expect(fraction).toHaveLength(minorDigits(m.currency));
        expect(BigInt(whole + fraction)).toBe(BigInt(Math.abs(m.amountMinor)));
      }),
    );
  });
});

describe('formatting', () => {
  it('formats in the conventions of the locale', () => {
    expect(formatMoney({ amountMinor: 12550, currency: 'EUR' }, 'en')).toBe('€125.50');
    expect(formatMoney({ amountMinor: 12550, currency: 'EUR' }, 'ru').replace(/\s/g, ' ')).toBe(
      '125,50 €',
    );
    expect(formatMoney({ amountMinor: 12550, currency: 'JPY' }, 'en')).toBe('¥12,550');
    expect(formatMoney({ amountMinor: 1, currency: 'BHD' }, 'en')).toMatch(/0\.001$/);
  });

  it('shows exactly the minor digits of the amount, never a rounded float', () => {
    fc.assert(
      fc.property(money, fc.constantFrom('en', 'ru', 'zh', 'de'), (m, locale) => {
        const formatted = formatMoney(m, locale);
        const digits = formatted.replace(/[^0-9]/g, '');
        expect(BigInt(digits)).toBe(BigInt(Math.abs(m.amountMinor)));
        expect(formatted.includes('-')).toBe(m.amountMinor < 0);
      }),
    );
  });
});

describe('sums', () => {
  it('gives one total per currency in code order', () => {
    const list: Money[] = [
      { amountMinor: 100, currency: 'USD' },
      { amountMinor: 250, currency: 'EUR' },
      { amountMinor: 1, currency: 'USD' },
    ];
    expect(sumByCurrency(list)).toEqual([
      { amountMinor: 250, currency: 'EUR' },
      { amountMinor: 101, currency: 'USD' },
    ]);
    expect(sumByCurrency([])).toEqual([]);
  });

  it('never loses a minor unit', () => {
    const amount = fc.integer({ min: -1e12, max: 1e12 });
    const list = fc.array(
      fc.record({ amountMinor: amount, currency: fc.constantFrom('EUR', 'JPY', 'BHD') }),
    );
    fc.assert(
      fc.property(list, (items) => {
        const totals = sumByCurrency(items);
        for (const code of new Set(items.map((m) => m.currency))) {
          const expected = items
            .filter((m) => m.currency === code)
            .reduce((sum, m) => sum + BigInt(m.amountMinor), 0n);
          const total = totals.find((t) => t.currency === code);
          expect(BigInt(total?.amountMinor ?? NaN)).toBe(expected);
        }
        expect(totals).toHaveLength(new Set(items.map((m) => m.currency)).size);
      }),
    );
  });

  it('refuses a total a number cannot hold exactly instead of rounding it', () => {
    const big = { amountMinor: Number.MAX_SAFE_INTEGER, currency: 'EUR' };
    expect(() => sumByCurrency([big, { amountMinor: 1, currency: 'EUR' }])).toThrow(RangeError);
  });
});

describe('comparison', () => {
  it('orders amounts of one currency', () => {
    const eur = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });
    expect(compareMoney(eur(1), eur(2))).toBe(-1);
    expect(compareMoney(eur(2), eur(2))).toBe(0);
    expect(compareMoney(eur(3), eur(2))).toBe(1);
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(safeAmount, safeAmount, (a, b) => {
        const x = { amountMinor: a, currency: 'EUR' };
        const y = { amountMinor: b, currency: 'EUR' };
        expect(compareMoney(x, y)).toBe(-compareMoney(y, x) || 0);
      }),
    );
  });

  it('refuses to compare different currencies', () => {
    const eur = { amountMinor: 1, currency: 'EUR' };
    expect(() => compareMoney(eur, { amountMinor: 1, currency: 'USD' })).toThrow(RangeError);
  });
});
