import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorRef, RecordedActor } from '../auth/actor';
import { TransitionContext } from '../cases/case-lifecycle';
import { CaseTransitions } from '../cases/case-transitions.service';
import { DomainError } from '../common/errors/domain-error';
import { Money } from '../common/money/money';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DeadlinesService } from '../sla/deadlines.service';
import { SlaPolicies } from '../sla/policies/sla-policies.service';
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
import { sqlList, sqlValue } from '../common/sql-literal';
import { remedyStatesFor, remedyTarget } from './remedy-lifecycle';

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
export class RemedyLedger {
  constructor(
    private readonly recorder: CaseRecorder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deadlines: DeadlinesService,
    private readonly transitions: CaseTransitions,
    private readonly policies: SlaPolicies,
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
      const [row] = (await manager.query(
        `INSERT INTO remedy (case_id, source, source_id, position, type, amount_minor, currency,
                             description, proposed_by, approvals_required)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          caseId,
          source,
          sourceId,
          position,
          remedy.type,
          remedy.amount?.amountMinor ?? null,
          remedy.amount?.currency ?? null,
          remedy.description,
          proposer.sub,
          approvals[position],
        ],
      )) as { id: string }[];
      ids.push(row.id);
    }
    return { ids, awaitingApproval: approvals.some((n) => n > 0) };
  }

  /** Remedies of a source still short of the approvals they need. */
  async unapproved(manager: EntityManager, sourceId: string): Promise<UnapprovedRemedy[]> {
    const rows = (await manager.query(
      `SELECT r.id, r.approvals_required,
              (SELECT count(*)::int FROM remedy_approval a WHERE a.remedy_id = r.id) AS given
         FROM remedy r
        WHERE r.source_id = $1 AND r.approvals_required > 0
        ORDER BY r.position`,
      [sourceId],
    )) as { id: string; approvals_required: number; given: number }[];
    return rows
      .filter((r) => r.given < r.approvals_required)
      .map((r) => ({
        remedyId: r.id,
        approvalsRequired: r.approvals_required,
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
    if (sourceIds.length === 0) return;
    await manager.query(
      `UPDATE remedy SET status = ${sqlValue(remedyTarget('supersede'))}
        WHERE source_id = ANY($1) AND status IN ${sqlList(remedyStatesFor('supersede'))}`,
      [sourceIds],
    );
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
    const bound = (await manager.query(
      `UPDATE remedy
          SET status = ${sqlValue(remedyTarget('bind'))}, bound_at = now(), due_at = $2
        WHERE source_id = $1 AND status IN ${sqlList(remedyStatesFor('bind'))}
        RETURNING id, type, amount_minor::text AS amount_minor, currency, due_at`,
      [sourceId, dueAt],
    )) as [
      {
        id: string;
        type: string;
        amount_minor: string | null;
        currency: string | null;
        due_at: Date;
      }[],
      number,
    ];
    const rows = bound[0];
    const now = new Date();
    for (const row of rows) {
      await this.deadlines.open(manager, {
        caseId: c.id,
        kind: 'remedy_payment',
        party: 'company',
        startedAt: now,
        dueAt: row.due_at,
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
          amount: row.amount_minor
            ? { amountMinor: Number(row.amount_minor), currency: row.currency }
            : null,
          dueAt: row.due_at.toISOString(),
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
    const [{ open }] = (await manager.query(
      `SELECT count(*)::int AS open FROM remedy WHERE case_id = $1 AND status IN ${sqlList(remedyStatesFor('fulfil'))}`,
      [caseId],
    )) as { open: number }[];
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
