import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  firstRowOf,
  integer,
  integerArray,
  integerOrNull,
  oneOf,
  oneOfOrNull,
  rowsOf,
  text,
  textArray,
  textOrNull,
  timestamp,
} from '../../common/sql-rows';
import { BusinessCalendar } from '../business-calendar';
import { DeadlineKind } from '../deadline.entity';
import { DEADLINE_KINDS, POLICY_UNITS, PolicyUnit } from '../sla-policy';

/** A policy someone changed; a kind with no row follows the configured default. */
export interface PolicyRow {
  readonly kind: DeadlineKind;
  readonly amount: number;
  readonly unit: PolicyUnit;
  readonly calendarId: string | null;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/** The changed policy of a kind (null fields when none) and the calendar it counts in. */
export interface TermsRow {
  readonly amount: number | null;
  readonly unit: PolicyUnit | null;
  readonly calendar: BusinessCalendar;
}

export interface PolicyChange {
  readonly kind: DeadlineKind;
  readonly amount: number;
  readonly unit: PolicyUnit;
  readonly calendarId: string | null;
  readonly updatedBy: string;
}

/** Deadline policies (table sla_policy) and the calendars they name. */
@Injectable()
export class SlaPoliciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The kind's policy with its calendar, else the default calendar; null without any calendar. */
  async terms(kind: DeadlineKind, manager?: EntityManager): Promise<TermsRow | null> {
    return firstRowOf(
      await (manager ?? this.dataSource.manager).query(
        `SELECT p.amount, p.unit, c.time_zone, c.working_days, c.holidays::text[] AS holidays
           FROM (SELECT $1::text AS kind) wanted
           LEFT JOIN sla_policy p ON p.kind = wanted.kind
           JOIN sla_calendar c ON c.id = p.calendar_id OR (p.calendar_id IS NULL AND c.is_default)`,
        [kind],
      ),
      (row) => ({
        amount: integerOrNull(row, 'amount'),
        unit: oneOfOrNull(row, 'unit', POLICY_UNITS),
        calendar: {
          timeZone: text(row, 'time_zone'),
          workingDays: integerArray(row, 'working_days'),
          holidays: textArray(row, 'holidays'),
        },
      }),
    );
  }

  async list(manager?: EntityManager): Promise<PolicyRow[]> {
    return rowsOf(
      await (manager ?? this.dataSource.manager).query(
        'SELECT kind, amount, unit, calendar_id, updated_at, updated_by FROM sla_policy',
      ),
      (row) => ({
        kind: oneOf(row, 'kind', DEADLINE_KINDS),
        amount: integer(row, 'amount'),
        unit: oneOf(row, 'unit', POLICY_UNITS),
        calendarId: textOrNull(row, 'calendar_id'),
        updatedAt: timestamp(row, 'updated_at'),
        updatedBy: text(row, 'updated_by'),
      }),
    );
  }

  async save(manager: EntityManager, change: PolicyChange): Promise<void> {
    await manager.query(
      `INSERT INTO sla_policy (kind, amount, unit, calendar_id, updated_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind) DO UPDATE
         SET amount = $2, unit = $3, calendar_id = $4, updated_by = $5, updated_at = now()`,
      [change.kind, change.amount, change.unit, change.calendarId, change.updatedBy],
    );
  }
}
