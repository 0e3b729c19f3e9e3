import { readCompensationConfig } from './compensation-config';
import { ConfigError } from './config-error';

describe('compensation settings', () => {
  it('defaults to limits of 1,000 and 10,000 major units and a EUR budget', () => {
    expect(readCompensationConfig({})).toEqual({
      defaultLimits: { officer: 1000, fourEyes: 10000 },
      limitsByCurrency: {},
      yearlyBudget: { EUR: 100000 },
    });
  });

  it('reads limits and budgets per currency', () => {
    const config = readCompensationConfig({
      AUTHORITY_LIMIT_OFFICER: '500',
      AUTHORITY_LIMITS: 'JPY=150000/1500000, GBP=800/8000',
      COMPENSATION_BUDGET: 'EUR=50000,GBP=40000',
    });
    expect(config.defaultLimits.officer).toBe(500);
    expect(config.limitsByCurrency).toEqual({
      JPY: { officer: 150000, fourEyes: 1500000 },
      GBP: { officer: 800, fourEyes: 8000 },
    });
    expect(config.yearlyBudget).toEqual({ EUR: 50000, GBP: 40000 });
  });

  it('allows no budget at all', () => {
    expect(readCompensationConfig({ COMPENSATION_BUDGET: '' }).yearlyBudget).toEqual({});
  });

  it.each([
    [{ AUTHORITY_LIMITS: 'EUR=1000' }],
    [{ AUTHORITY_LIMITS: 'ZZZ=1/2' }],
    [{ AUTHORITY_LIMITS: 'EUR=2000/1000' }],
    [{ AUTHORITY_LIMIT_OFFICER: '20000' }],
    [{ COMPENSATION_BUDGET: 'EUR=12.5' }],
    [{ COMPENSATION_BUDGET: 'EUR' }],
  ])('refuses %j at start-up', (env) => {
    expect(() => readCompensationConfig(env)).toThrow(ConfigError);
  });
});
