import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MoneyDto, PositiveMoneyDto } from './money.dto';

function failedConstraints(cls: typeof MoneyDto, body: object): string[] {
  return validateSync(plainToInstance(cls, body)).flatMap((e) => Object.keys(e.constraints ?? {}));
}

describe('MoneyDto', () => {
  it('accepts the example amount of the filing body', () => {
    expect(failedConstraints(MoneyDto, { amountMinor: 12550, currency: 'EUR' })).toEqual([]);
  });

  it('accepts zero, since a dispute may be about something other than money', () => {
    expect(failedConstraints(MoneyDto, { amountMinor: 0, currency: 'JPY' })).toEqual([]);
  });

  it('refuses fractional, negative and unsafe amounts', () => {
    expect(failedConstraints(MoneyDto, { amountMinor: 125.5, currency: 'EUR' })).toContain('isInt');
    expect(failedConstraints(MoneyDto, { amountMinor: -1, currency: 'EUR' })).toContain('min');
    expect(failedConstraints(MoneyDto, { amountMinor: 2 ** 53, currency: 'EUR' })).toContain('max');
    expect(failedConstraints(MoneyDto, { amountMinor: '12550', currency: 'EUR' })).toContain(
      'isInt',
    );
  });

  it('refuses codes that are not ISO 4217 currencies the platform knows', () => {
    for (const currency of ['eur', 'ABC', 'EU']) {
      expect(failedConstraints(MoneyDto, { amountMinor: 1, currency })).toEqual([
        'isKnownCurrency',
      ]);
    }
    expect(failedConstraints(MoneyDto, { amountMinor: 1, currency: 'EURO' }).sort()).toEqual([
      'isKnownCurrency',
      'maxLength',
    ]);
  });

  it('explains a bad currency in words', () => {
    const [error] = validateSync(plainToInstance(MoneyDto, { amountMinor: 1, currency: 'XYZ' }));
    expect(error.constraints?.isKnownCurrency).toBe(
      'currency must be an ISO 4217 currency code such as EUR',
    );
  });
});

describe('PositiveMoneyDto', () => {
  it('refuses a zero amount and accepts one minor unit', () => {
    expect(failedConstraints(PositiveMoneyDto, { amountMinor: 0, currency: 'EUR' })).toEqual([
      'min',
    ]);
    expect(failedConstraints(PositiveMoneyDto, { amountMinor: 1, currency: 'EUR' })).toEqual([]);
  });
});
