import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { minorDigits, Money, sumByCurrency, toDecimalString } from '../common/money/money';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { BudgetWarningDto } from './dto/remedy.dto';
import { BudgetDto, BudgetLineDto } from './dto/compensation-requests.dto';
import { BudgetRepository } from './budget.repository';

/**
 * The yearly compensation budget: a remedy counts in the year it became binding;
 * committed while owed, paid once fulfilled. Exceeding it warns, it never blocks an award.
 */
@Injectable()
export class BudgetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly spending: BudgetRepository,
  ) {}

  async forYear(year: number): Promise<BudgetDto> {
    const spent = await this.spending.spentInYear(this.dataSource.manager, year);
    const currencies = new Set([...Object.keys(this.config.compensation.yearlyBudget)]);
    spent.forEach((s) => currencies.add(s.currency));
    const lines = [...currencies].sort().map((currency): BudgetLineDto => {
      const s = spent.find((x) => x.currency === currency) ?? { committed: 0n, paid: 0n };
      const budget = this.budgetMinor(currency);
      return {
        currency,
        budget: budget === null ? null : money(budget, currency),
        committed: money(s.committed, currency),
        paid: money(s.paid, currency),
        left: budget === null ? null : money(budget - s.committed - s.paid, currency),
      };
    });
    return { year, currencies: lines };
  }

  /** Warnings for an offer that would take a currency's budget of this year over. */
  async warnings(
    manager: EntityManager,
    offered: readonly Money[],
    now = new Date(),
  ): Promise<BudgetWarningDto[]> {
    const totals = sumByCurrency(offered);
    if (totals.length === 0) return [];
    const year = now.getUTCFullYear();
    const spent = await this.spending.spentInYear(manager, year);
    const warnings: BudgetWarningDto[] = [];
    for (const total of totals) {
      const budget = this.budgetMinor(total.currency);
      if (budget === null) continue;
      const s = spent.find((x) => x.currency === total.currency);
      const after = (s?.committed ?? 0n) + (s?.paid ?? 0n) + BigInt(total.amountMinor);
      if (after <= budget) continue;
      const over = toDecimalString(money(after - budget, total.currency));
      warnings.push({
        currency: total.currency,
        year,
        budget: money(budget, total.currency),
        afterThis: money(after, total.currency),
        message: `This offer would take the ${total.currency} budget of ${year} over by ${over}.`,
      });
    }
    return warnings;
  }

  private budgetMinor(currency: string): bigint | null {
    const major = this.config.compensation.yearlyBudget[currency];
    if (major === undefined) return null;
    return BigInt(major) * 10n ** BigInt(minorDigits(currency));
  }
}

function money(minor: bigint, currency: string): Money {
  const amountMinor = Number(minor);
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`The ${currency} figure exceeds the safe integer range`);
  }
  return { amountMinor, currency };
}
