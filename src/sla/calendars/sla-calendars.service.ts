import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorRef } from '../../auth/actor';
import { AuditService } from '../../audit/audit.service';
import { DomainError } from '../../common/errors/domain-error';
import { SlaCalendarDto, SlaCalendarInputDto } from '../dto/sla-calendar.dto';
import { SlaTermsCache } from '../policies/sla-terms.cache';

interface CalendarRow {
  id: string;
  name: string;
  time_zone: string;
  working_days: number[];
  holidays: string[];
  is_default: boolean;
  version: number;
  updated_at: Date;
}

const COLUMNS = `id, name, time_zone, working_days, holidays::text[] AS holidays, is_default, version, updated_at`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Business calendars: a default ships; changes are audited and count for new deadlines only. */
@Injectable()
export class SlaCalendars {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly terms: SlaTermsCache,
  ) {}

  async list(): Promise<SlaCalendarDto[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM sla_calendar ORDER BY is_default DESC, name, id`,
    )) as CalendarRow[];
    return rows.map(toDto);
  }

  async get(id: string): Promise<SlaCalendarDto> {
    return toDto(await this.row(this.dataSource.manager, id));
  }

  create(body: SlaCalendarInputDto, actor: ActorRef): Promise<SlaCalendarDto> {
    return this.changing(async (manager) => {
      if (body.isDefault) await this.dropDefault(manager);
      const [row] = (await this.nameTakenAsConflict(() =>
        manager.query(
          `INSERT INTO sla_calendar (name, time_zone, working_days, holidays, is_default)
           VALUES ($1, $2, $3, $4::date[], $5) RETURNING ${COLUMNS}`,
          [
            body.name,
            body.timeZone,
            sorted(body.workingDays),
            sorted(body.holidays),
            !!body.isDefault,
          ],
        ),
      )) as CalendarRow[];
      const created = toDto(row);
      await this.audit.append(manager, {
        chainKey: 'system',
        actor,
        action: 'sla.calendar_created',
        after: created,
      });
      return created;
    });
  }

  /**
   * Replaces a calendar; the default stays the default unless another one takes over. With
   * `expectedVersion` (the caller's If-Match) a calendar someone else changed meanwhile is a 412.
   */
  replace(
    id: string,
    body: SlaCalendarInputDto,
    actor: ActorRef,
    expectedVersion?: number,
  ): Promise<SlaCalendarDto> {
    return this.changing(async (manager) => {
      const before = toDto(await this.row(manager, id, true));
      if (expectedVersion !== undefined && expectedVersion !== before.version) {
        throw new DomainError(
          'SLA_CALENDAR_VERSION_MISMATCH',
          `The calendar is at version ${before.version}; read it again before changing it`,
          { currentVersion: before.version },
        );
      }
      const makeDefault = body.isDefault === true && !before.isDefault;
      if (makeDefault) await this.dropDefault(manager);
      const [[row]] = (await this.nameTakenAsConflict(() =>
        manager.query(
          `UPDATE sla_calendar
              SET name = $2, time_zone = $3, working_days = $4, holidays = $5::date[],
                  is_default = is_default OR $6, version = version + 1, updated_at = now()
            WHERE id = $1 RETURNING ${COLUMNS}`,
          [
            id,
            body.name,
            body.timeZone,
            sorted(body.workingDays),
            sorted(body.holidays),
            makeDefault,
          ],
        ),
      )) as [CalendarRow[], number];
      const after = toDto(row);
      await this.audit.append(manager, {
        chainKey: 'system',
        actor,
        action: 'sla.calendar_changed',
        before,
        after,
      });
      return after;
    });
  }

  /** A change in its transaction; deadlines dated afterwards on this instance see it at once. */
  private changing<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work).finally(() => this.terms.clear());
  }

  private async row(manager: EntityManager, id: string, forUpdate = false): Promise<CalendarRow> {
    const [row] = UUID.test(id)
      ? ((await manager.query(
          `SELECT ${COLUMNS} FROM sla_calendar WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
          [id],
        )) as CalendarRow[])
      : [];
    if (!row) throw new DomainError('SLA_CALENDAR_NOT_FOUND', 'No such business calendar');
    return row;
  }

  private async dropDefault(manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE sla_calendar SET is_default = false, version = version + 1, updated_at = now()
        WHERE is_default`,
    );
  }

  private async nameTakenAsConflict<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const constraint = (error as { constraint?: string }).constraint;
      if (constraint === 'uq_sla_calendar_name') {
        throw new DomainError('SLA_CALENDAR_NAME_TAKEN', 'Another business calendar has this name');
      }
      // Two calendars made default at the same instant: one wins, the other may try again.
      if (constraint === 'uq_sla_calendar_default') {
        throw new DomainError('CONFLICT', 'Another calendar was made the default at the same time');
      }
      throw error;
    }
  }
}

function sorted<T extends number | string>(values: readonly T[]): T[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function toDto(row: CalendarRow): SlaCalendarDto {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    workingDays: row.working_days.map(Number),
    holidays: row.holidays,
    isDefault: row.is_default,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}
