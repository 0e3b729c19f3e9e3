import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorRef } from '../../auth/actor';
import { AuditService } from '../../audit/audit.service';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { BusinessCalendar, DEFAULT_CALENDAR } from '../business-calendar';
import { DeadlineKind } from '../deadline.entity';
import { SlaPolicyDto, SlaPolicyInputDto } from '../dto/sla-policy.dto';
import { DEADLINE_KINDS, defaultPolicies, dueUnder, PolicyUnit, SlaPolicy } from '../sla-policy';
import { SlaTerms, SlaTermsCache } from './sla-terms.cache';

interface PolicyRow {
  kind: DeadlineKind;
  amount: number;
  unit: PolicyUnit;
  calendar_id: string | null;
  updated_at: Date;
  updated_by: string;
}

interface TermsRow {
  amount: number | null;
  unit: PolicyUnit | null;
  time_zone: string;
  working_days: number[];
  holidays: string[];
}

/**
 * Deadline policies as data: a kind nobody changed follows the configured default.
 * Every new deadline asks `dueAt`, so a change counts from the next deadline opened; deadlines
 * already running keep their dates.
 */
@Injectable()
export class SlaPolicies {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly cache: SlaTermsCache,
  ) {}

  /** When a deadline of this kind started at `start` falls due, under the policy in force now. */
  async dueAt(kind: DeadlineKind, start: Date, manager?: EntityManager): Promise<Date> {
    const { policy, calendar } = await this.cache.get(kind, () => this.terms(kind, manager));
    return dueUnder(policy, calendar, start);
  }

  /** How long a deadline of this kind runs under the policy in force now (reports measure by it). */
  async termOf(kind: DeadlineKind): Promise<SlaTerms['policy']> {
    return (await this.cache.get(kind, () => this.terms(kind))).policy;
  }

  private async terms(kind: DeadlineKind, manager?: EntityManager): Promise<SlaTerms> {
    const [terms] = (await (manager ?? this.dataSource.manager).query(
      `SELECT p.amount, p.unit, c.time_zone, c.working_days, c.holidays::text[] AS holidays
         FROM (SELECT $1::text AS kind) wanted
         LEFT JOIN sla_policy p ON p.kind = wanted.kind
         JOIN sla_calendar c ON c.id = p.calendar_id OR (p.calendar_id IS NULL AND c.is_default)`,
      [kind],
    )) as TermsRow[];
    const fallback = defaultPolicies(this.config.policy)[kind];
    const policy =
      terms?.amount != null && terms.unit != null
        ? { amount: terms.amount, unit: terms.unit }
        : fallback;
    return { policy, calendar: terms ? toCalendar(terms) : DEFAULT_CALENDAR };
  }

  async list(manager?: EntityManager): Promise<SlaPolicyDto[]> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      'SELECT kind, amount, unit, calendar_id, updated_at, updated_by FROM sla_policy',
    )) as PolicyRow[];
    const changed = new Map(rows.map((row) => [row.kind, row]));
    const defaults = defaultPolicies(this.config.policy);
    return DEADLINE_KINDS.map((kind) => toDto(defaults[kind], changed.get(kind)));
  }

  /** Changes the listed kinds, each with its audit entry (chain `system`). */
  update(policies: readonly SlaPolicyInputDto[], actor: ActorRef): Promise<SlaPolicyDto[]> {
    const kinds = policies.map((p) => p.kind);
    const repeated = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
    if (repeated) {
      throw new DomainError('VALIDATION_FAILED', `The policy for ${repeated} is listed twice`, {}, [
        { field: 'policies', message: `${repeated} is listed more than once` },
      ]);
    }
    const changed = this.dataSource.transaction(async (manager) => {
      const before = new Map((await this.list(manager)).map((p) => [p.kind, p]));
      for (const policy of policies) {
        await this.assertCalendar(manager, policy.calendarId ?? null);
        await manager.query(
          `INSERT INTO sla_policy (kind, amount, unit, calendar_id, updated_by)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (kind) DO UPDATE
             SET amount = $2, unit = $3, calendar_id = $4, updated_by = $5, updated_at = now()`,
          [policy.kind, policy.amount, policy.unit, policy.calendarId ?? null, actor.sub],
        );
      }
      const after = await this.list(manager);
      for (const policy of after.filter((p) => kinds.includes(p.kind as DeadlineKind))) {
        await this.audit.append(manager, {
          chainKey: 'system',
          actor,
          action: 'sla.policy_changed',
          before: terms(before.get(policy.kind)),
          after: { kind: policy.kind, ...terms(policy) },
        });
      }
      return after;
    });
    return changed.finally(() => this.cache.clear());
  }

  private async assertCalendar(manager: EntityManager, calendarId: string | null) {
    if (calendarId === null) return;
    const found = (await manager.query('SELECT 1 FROM sla_calendar WHERE id = $1', [
      calendarId,
    ])) as unknown[];
    if (found.length === 0) {
      throw new DomainError(
        'SLA_CALENDAR_UNKNOWN',
        'There is no business calendar with this id',
        {},
        [{ field: 'policies.calendarId', message: 'no business calendar has this id' }],
      );
    }
  }
}

function toCalendar(row: TermsRow): BusinessCalendar {
  return {
    timeZone: row.time_zone,
    workingDays: row.working_days.map(Number),
    holidays: row.holidays,
  };
}

function terms(policy: SlaPolicyDto | undefined) {
  return policy && { amount: policy.amount, unit: policy.unit, calendarId: policy.calendarId };
}

function toDto(fallback: SlaPolicy, row: PolicyRow | undefined): SlaPolicyDto {
  return row
    ? {
        kind: row.kind,
        amount: row.amount,
        unit: row.unit,
        calendarId: row.calendar_id,
        source: 'changed',
        updatedAt: row.updated_at.toISOString(),
        updatedBy: row.updated_by,
      }
    : { ...fallback, source: 'configured', updatedAt: null, updatedBy: null };
}
