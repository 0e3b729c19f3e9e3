import { isKnownCurrency } from '../common/money/money';
import { AuthorityLimitsMajor, CompensationConfig } from './app-config';
import { ConfigError } from './config-error';
import { readInt } from './parsers';

type Env = Record<string, string | undefined>;

const MAX_MAJOR = 1_000_000_000;

/**
 * Authority limits and the yearly compensation budget, in major units per currency.
 * `AUTHORITY_LIMITS=JPY=150000/1500000,EUR=1000/10000` overrides the default pair per currency;
 * `COMPENSATION_BUDGET=EUR=100000,GBP=80000` sets the budget of each currency.
 */
export function readCompensationConfig(env: Env): CompensationConfig {
  const defaultLimits = checkedPair('AUTHORITY_LIMIT_FOUR_EYES', {
    officer: readInt(env, 'AUTHORITY_LIMIT_OFFICER', 1_000, 0, MAX_MAJOR),
    fourEyes: readInt(env, 'AUTHORITY_LIMIT_FOUR_EYES', 10_000, 0, MAX_MAJOR),
  });
  const limitsByCurrency: Record<string, AuthorityLimitsMajor> = {};
  for (const [currency, value] of readCurrencyList(env, 'AUTHORITY_LIMITS', '')) {
    const match = /^(\d+)\/(\d+)$/.exec(value);
    if (!match) {
      throw new ConfigError('AUTHORITY_LIMITS', `expects CUR=officer/fourEyes, got "${value}"`);
    }
    limitsByCurrency[currency] = checkedPair('AUTHORITY_LIMITS', {
      officer: bounded('AUTHORITY_LIMITS', match[1]),
      fourEyes: bounded('AUTHORITY_LIMITS', match[2]),
    });
  }
  const yearlyBudget: Record<string, number> = {};
  for (const [currency, value] of readCurrencyList(env, 'COMPENSATION_BUDGET', 'EUR=100000')) {
    if (!/^\d+$/.test(value)) {
      throw new ConfigError('COMPENSATION_BUDGET', `expects CUR=amount, got "${value}"`);
    }
    yearlyBudget[currency] = bounded('COMPENSATION_BUDGET', value);
  }
  return { defaultLimits, limitsByCurrency, yearlyBudget };
}

function readCurrencyList(env: Env, name: string, fallback: string): [string, string][] {
  const raw = (env[name] ?? fallback).trim();
  if (raw === '') return [];
  return raw.split(',').map((part) => {
    const [currency, value, ...rest] = part.trim().split('=');
    if (!isKnownCurrency(currency) || value === undefined || rest.length > 0) {
      throw new ConfigError(name, `expects a list such as EUR=…,GBP=…; "${part}" is not valid`);
    }
    return [currency, value.trim()];
  });
}

function bounded(name: string, digits: string): number {
  const value = Number(digits);
  if (value > MAX_MAJOR) throw new ConfigError(name, `amounts must be at most ${MAX_MAJOR}`);
  return value;
}

function checkedPair(name: string, pair: AuthorityLimitsMajor): AuthorityLimitsMajor {
  if (pair.fourEyes < pair.officer) {
    throw new ConfigError(name, 'the four-eyes limit must not be below the officer limit');
  }
  return pair;
}
