import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorRef } from '../../auth/actor';
import { AuditService } from '../../audit/audit.service';
import { DomainError } from '../../common/errors/domain-error';
import { SlaCalendarDto, SlaCalendarInputDto } from '../dto/sla-calendar.dto';
import { SlaTermsCache } from '../policies/sla-terms.cache';
import { CalendarRow, CalendarTerms, SlaCalendarsRepository } from './sla-calendars.repository';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Business calendars: a default ships; changes are audited and count for new deadlines only. */
@Injectable()
export class SlaCalendarsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly terms: SlaTermsCache,
    private readonly calendars: SlaCalendarsRepository,
  ) {}

  async list(): Promise<SlaCalendarDto[]> {
    return (await this.calendars.list()).map(toDto);
  }

  async get(id: string): Promise<SlaCalendarDto> {
    return toDto(await this.row(this.dataSource.manager, id));
  }

  create(body: SlaCalendarInputDto, actor: ActorRef): Promise<SlaCalendarDto> {
    return this.changing(async (manager) => {
      if (body.isDefault) await this.calendars.dropDefault(manager);
      const row = await this.nameTakenAsConflict(() =>
        this.calendars.insert(manager, termsOf(body), !!body.isDefault),
      );
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
      if (makeDefault) await this.calendars.dropDefault(manager);
      const row = await this.nameTakenAsConflict(() =>
        this.calendars.replace(manager, id, termsOf(body), makeDefault),
      );
      // The row is locked since it was read above; it cannot have gone.
      if (row === null) throw new Error(`business calendar ${id} vanished while locked`);
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
    const row = UUID.test(id) ? await this.calendars.find(manager, id, forUpdate) : null;
    if (!row) throw new DomainError('SLA_CALENDAR_NOT_FOUND', 'No such business calendar');
    return row;
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

function termsOf(body: SlaCalendarInputDto): CalendarTerms {
  return {
    name: body.name,
    timeZone: body.timeZone,
    workingDays: sorted(body.workingDays),
    holidays: sorted(body.holidays),
  };
}

function toDto(row: CalendarRow): SlaCalendarDto {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    workingDays: row.workingDays,
    holidays: row.holidays,
    isDefault: row.isDefault,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
