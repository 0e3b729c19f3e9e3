import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorRef } from '../../auth/actor';
import { AuditService } from '../../audit/audit.service';
import { DomainError } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DEFAULT_CALENDAR } from '../business-calendar';
import { DeadlineKind } from '../deadline.entity';
import { SlaPolicyDto, SlaPolicyInputDto } from '../dto/sla-policy.dto';
import { DEADLINE_KINDS, defaultPolicies, dueUnder, SlaPolicy } from '../sla-policy';
import { SlaTerms, SlaTermsCache } from './sla-terms.cache';
import { PolicyRow, SlaPoliciesRepository } from './sla-policies.repository';
import { SlaCalendarsRepository } from '../calendars/sla-calendars.repository';

/**
 * Deadline policies as data: a kind nobody changed follows the configured default.
 * Every new deadline asks `dueAt`, so a change counts from the next deadline opened; deadlines
 * already running keep their dates.
 */
@Injectable()
export class SlaPoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly cache: SlaTermsCache,
    private readonly policies: SlaPoliciesRepository,
    private readonly calendars: SlaCalendarsRepository,
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
    const terms = await this.policies.terms(kind, manager);
    const fallback = defaultPolicies(this.config.policy)[kind];
    const policy =
      terms?.amount != null && terms.unit != null
        ? { amount: terms.amount, unit: terms.unit }
        : fallback;
    return { policy, calendar: terms?.calendar ?? DEFAULT_CALENDAR };
  }

  async list(manager?: EntityManager): Promise<SlaPolicyDto[]> {
    const rows = await this.policies.list(manager);
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
        await this.policies.save(manager, {
          kind: policy.kind,
          amount: policy.amount,
          unit: policy.unit,
          calendarId: policy.calendarId ?? null,
          updatedBy: actor.sub,
        });
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
    if (!(await this.calendars.exists(manager, calendarId))) {
      throw new DomainError(
        'SLA_CALENDAR_UNKNOWN',
        'There is no business calendar with this id',
        {},
        [{ field: 'policies.calendarId', message: 'no business calendar has this id' }],
      );
    }
  }
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
        calendarId: row.calendarId,
        source: 'changed',
        updatedAt: row.updatedAt.toISOString(),
        updatedBy: row.updatedBy,
      }
    : { ...fallback, source: 'configured', updatedAt: null, updatedBy: null };
}
