import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  boolean,
  changedRowsOf,
  firstRowOf,
  insertedRowOf,
  integer,
  integerArray,
  RawRow,
  rowsOf,
  text,
  textArray,
  timestamp,
} from '../../common/sql-rows';

export interface CalendarRow {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly workingDays: number[];
  readonly holidays: string[];
  readonly isDefault: boolean;
  readonly version: number;
  readonly updatedAt: Date;
}

/** What a calendar is made of, as a write gives it. */
export interface CalendarTerms {
  readonly name: string;
  readonly timeZone: string;
  readonly workingDays: readonly number[];
  readonly holidays: readonly string[];
}

const COLUMNS = `id, name, time_zone, working_days, holidays::text[] AS holidays, is_default, version, updated_at`;

function calendarOf(row: RawRow): CalendarRow {
  return {
    id: text(row, 'id'),
    name: text(row, 'name'),
    timeZone: text(row, 'time_zone'),
    workingDays: integerArray(row, 'working_days'),
    holidays: textArray(row, 'holidays'),
    isDefault: boolean(row, 'is_default'),
    version: integer(row, 'version'),
    updatedAt: timestamp(row, 'updated_at'),
  };
}

/** Business calendars (table sla_calendar). */
@Injectable()
export class SlaCalendarsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<CalendarRow[]> {
    return rowsOf(
      await this.dataSource.query(
        `SELECT ${COLUMNS} FROM sla_calendar ORDER BY is_default DESC, name, id`,
      ),
      calendarOf,
    );
  }

  /** `id` must be a uuid; `forUpdate` locks the row for the rest of the transaction. */
  async find(manager: EntityManager, id: string, forUpdate = false): Promise<CalendarRow | null> {
    return firstRowOf(
      await manager.query(
        `SELECT ${COLUMNS} FROM sla_calendar WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
        [id],
      ),
      calendarOf,
    );
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = rowsOf(
      await manager.query('SELECT 1 FROM sla_calendar WHERE id = $1', [id]),
      () => true,
    );
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    terms: CalendarTerms,
    isDefault: boolean,
  ): Promise<CalendarRow> {
    return insertedRowOf(
      await manager.query(
        `INSERT INTO sla_calendar (name, time_zone, working_days, holidays, is_default)
         VALUES ($1, $2, $3, $4::date[], $5) RETURNING ${COLUMNS}`,
        [terms.name, terms.timeZone, terms.workingDays, terms.holidays, isDefault],
      ),
      calendarOf,
    );
  }

  /** Replaces the terms; `makeDefault` turns it into the default, which it never stops being here. */
  async replace(
    manager: EntityManager,
    id: string,
    terms: CalendarTerms,
    makeDefault: boolean,
  ): Promise<CalendarRow | null> {
    const [row] = changedRowsOf(
      await manager.query(
        `UPDATE sla_calendar
            SET name = $2, time_zone = $3, working_days = $4, holidays = $5::date[],
                is_default = is_default OR $6, version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, terms.name, terms.timeZone, terms.workingDays, terms.holidays, makeDefault],
      ),
      calendarOf,
    );
    return row ?? null;
  }

  async dropDefault(manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE sla_calendar SET is_default = false, version = version + 1, updated_at = now()
        WHERE is_default`,
    );
  }
}
