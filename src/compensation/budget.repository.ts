import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf, text } from '../common/sql-rows';

/** Money bound in one currency in one year, in minor units. */
export interface SpentInCurrency {
  readonly currency: string;
  readonly committed: bigint;
  readonly paid: bigint;
}

/** The SQL of the yearly budget: money bound per currency, summed from remedy. */
@Injectable()
export class BudgetRepository {
  /** Money bound in `year` per currency: committed while owed, paid once fulfilled. */
  async spentInYear(manager: EntityManager, year: number): Promise<SpentInCurrency[]> {
    return rowsOf(
      await manager.query(
        `SELECT currency,
                COALESCE(sum(amount_minor) FILTER (WHERE status = 'due'), 0)::text AS committed,
                COALESCE(sum(amount_minor) FILTER (WHERE status = 'fulfilled'), 0)::text AS paid
           FROM remedy
          WHERE bound_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'UTC')
            AND bound_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'UTC')
            AND currency IS NOT NULL
          GROUP BY currency`,
        [year],
      ),
      (row) => ({
        currency: text(row, 'currency'),
        committed: BigInt(text(row, 'committed')),
        paid: BigInt(text(row, 'paid')),
      }),
    );
  }
}
