import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorRef, RecordedActor } from '../auth/actor';
import { TransitionContext } from '../cases/case-lifecycle';
import { CaseTransitionsService } from '../cases/case-transitions.service';
import { DomainError } from '../common/errors/domain-error';
import { Money } from '../common/money/money';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DeadlinesService } from '../sla/deadlines.service';
import { SlaPoliciesService } from '../sla/policies/sla-policies.service';
import { approvalsPerRemedy, ProposerRole } from './authority-limits';
import { RemedyInputDto } from './dto/remedy.dto';
import { LockedCase } from '../cases/case-lock';
import {
  MONETARY_REMEDY_TYPES,
  NON_MONETARY_REMEDY_TYPES,
  RemedySource,
  RemedyType,
} from './remedy-types';
import { CaseRecorder } from '../cases/case-recorder';
import { RemediesRepository } from './remedies.repository';
import { RemedyApprovalsRepository } from './remedy-approvals.repository';

export interface RemedyInput {
  readonly type: RemedyType;
  readonly amount?: Money | null;
  readonly description: string;
}

export interface UnapprovedRemedy {
  readonly remedyId: string;
  readonly approvalsRequired: number;
  readonly approvalsGiven: number;
}

/**
 * The published interface of compensation for mediation and decisions: remedies are written,
 * superseded and made binding only here, always inside the caller's transaction.
 */
@Injectable()
export class RemedyLedgerService {
  constructor(
    private readonly recorder: CaseRecorder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deadlines: DeadlinesService,
    private readonly transitions: CaseTransitionsService,
    private readonly policies: SlaPoliciesService,
    private readonly remedies: RemediesRepository,
    private readonly approvals: RemedyApprovalsRepository,
  ) {}

  /** Refuses money on an apology and a refund without money (400 with field paths). */
  validate(remedies: readonly RemedyInputDto[]): void {
    const errors = remedies.flatMap((remedy, i) => {
      if (MONETARY_REMEDY_TYPES.includes(remedy.type) && !remedy.amount) {
        return [{ field: `remedies[${i}].amount`, message: `a ${remedy.type} needs an amount` }];
      }
      if (NON_MONETARY_REMEDY_TYPES.includes(remedy.type) && remedy.amount) {
        return [{ field: `remedies[${i}].amount`, message: `a ${remedy.type} carries no amount` }];
      }
      return [];
    });
    if (errors.length > 0) {
      throw new DomainError('REMEDY_INVALID', 'Some remedies are not valid', {}, errors);
    }
  }

  /** The approvals each remedy needs, from the proposer's role and the configured limits. */
  approvalsNeeded(remedies: readonly RemedyInput[], proposer: ProposerRole): number[] {
    return approvalsPerRemedy(remedies, this.config.compensation, proposer);
  }

  async add(
    manager: EntityManager,
    caseId: string,
    source: RemedySource,
    sourceId: string,
    remedies: readonly RemedyInput[],
    proposer: ActorRef & { role: ProposerRole },
  ): Promise<{ ids: string[]; awaitingApproval: boolean }> {
    const approvals = this.approvalsNeeded(remedies, proposer.role);
    const ids: string[] = [];
    for (const [position, remedy] of remedies.entries()) {
      ids.push(
        await this.remedies.insert(manager, {
          caseId,
          source,
          sourceId,
          position,
          type: remedy.type,
          amountMinor: remedy.amount?.amountMinor ?? null,
          currency: remedy.amount?.currency ?? null,
          description: remedy.description,
          proposedBy: proposer.sub,
          approvalsRequired: approvals[position],
        }),
      );
    }
    return { ids, awaitingApproval: approvals.some((n) => n > 0) };
  }

  /** Remedies of a source still short of the approvals they need. */
  async unapproved(manager: EntityManager, sourceId: string): Promise<UnapprovedRemedy[]> {
    const rows = await this.approvals.approvalCounts(manager, sourceId);
    return rows
      .filter((r) => r.given < r.approvalsRequired)
      .map((r) => ({
        remedyId: r.id,
        approvalsRequired: r.approvalsRequired,
        approvalsGiven: r.given,
      }));
  }

  async requireApproved(manager: EntityManager, sourceId: string): Promise<void> {
    const missing = await this.unapproved(manager, sourceId);
    if (missing.length > 0) {
      throw new DomainError(
        'REMEDY_APPROVAL_REQUIRED',
        `${missing.length} remedy(ies) above the authority limit still need approval`,
        { remedies: missing },
      );
    }
  }

  async supersede(manager: EntityManager, sourceIds: readonly string[]): Promise<void> {
    await this.remedies.supersede(manager, sourceIds);
  }

  /**
   * The remedies of an accepted proposal or decision become owed, each with a payment deadline.
   * With nothing to pay the case completes at once.
   */
  async bind(
    manager: EntityManager,
    c: LockedCase,
    sourceId: string,
    actor: RecordedActor,
    completion: TransitionContext,
  ): Promise<number> {
    const dueAt = await this.policies.dueAt('remedy_payment', new Date(), manager);
    const rows = await this.remedies.bind(manager, sourceId, dueAt);
    const now = new Date();
    for (const row of rows) {
      await this.deadlines.open(manager, {
        caseId: c.id,
        kind: 'remedy_payment',
        party: 'company',
        startedAt: now,
        dueAt: row.dueAt,
        subjectId: row.id,
      });
    }
    await this.recorder.record(manager, c, {
      actor,
      audit: {
        action: 'remedy.bound',
        before: { status: 'proposed' },
        after: {
          status: 'due',
          sourceId,
          remedyIds: rows.map((r) => r.id),
          paymentDueAt: dueAt.toISOString(),
        },
      },
      event: rows.map((row) => ({
        type: 'remedy.due',
        payload: {
          remedyId: row.id,
          type: row.type,
          amount: row.amountMinor
            ? { amountMinor: Number(row.amountMinor), currency: row.currency }
            : null,
          dueAt: row.dueAt.toISOString(),
        },
      })),
    });
    if (rows.length === 0) await this.completeIfAllFulfilled(manager, c.id, completion);
    return rows.length;
  }

  /** Closes the case with its outcome once no remedy is owed any more. */
  async completeIfAllFulfilled(
    manager: EntityManager,
    caseId: string,
    context: TransitionContext,
  ): Promise<boolean> {
    const open = await this.remedies.countOwed(manager, caseId);
    if (open > 0) return false;
    await this.transitions.apply(
      {
        caseId,
        command: 'complete_fulfilment',
        actor: { sub: 'system', role: 'system' },
        context,
      },
      manager,
    );
    return true;
  }
}
