import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorRef, RecordedActor } from '../auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { DeadlinesService } from '../sla/deadlines.service';
import {
  CaseCommand,
  CaseOutcome,
  CaseStatus,
  decideTransition,
  TransitionContext,
} from './case-lifecycle';
import { invalidTransition, versionMismatch } from './cases.errors';
import { CaseRecorder } from './case-recorder';
import { TimelineAudience } from './timeline/case-timeline';
import { reasonAudience } from './timeline/reason-audience';
import { CasesRepository, CaseState } from './cases.repository';
import { CaseClosureEffects } from './closure/case-closure.port';

export interface TransitionRequest {
  readonly caseId: string;
  readonly command: CaseCommand;
  readonly actor: RecordedActor;
  /** From `If-Match`: the write is refused with 412 when the case moved on. */
  readonly expectedVersion?: number;
  readonly context?: TransitionContext;
  readonly reason?: string;
  /** Extra facts for the timeline, audit and event (e.g. who went to court). */
  readonly details?: Record<string, unknown>;
  readonly audience?: TimelineAudience;
}

export interface TransitionResult {
  readonly reference: string;
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly outcome: CaseOutcome | null;
  readonly version: number;
}

/**
 * The one way a case changes status: the lifecycle table decides, a conditional UPDATE on the
 * status (and version, when the caller read one) applies it, and timeline, audit and outbox are
 * written in the same transaction, with the effects of closure
 * (src/cases/closure/case-closure.port.ts). Of two racing requests exactly one UPDATE matches.
 */
@Injectable()
export class CaseTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly deadlines: DeadlinesService,
    private readonly cases: CasesRepository,
    private readonly closureEffects: CaseClosureEffects,
  ) {}

  apply(request: TransitionRequest, manager?: EntityManager): Promise<TransitionResult> {
    if (manager) return this.applyIn(manager, request);
    return this.dataSource.transaction((m) => this.applyIn(m, request));
  }

  private async applyIn(
    manager: EntityManager,
    request: TransitionRequest,
  ): Promise<TransitionResult> {
    const current = await this.state(manager, request.caseId);
    if (request.expectedVersion !== undefined && request.expectedVersion !== current.version) {
      throw versionMismatch(current.reference, current.version);
    }
    const decision = decideTransition(
      current.status,
      request.command,
      actorRole(request.actor),
      request.context,
    );
    if (!decision.ok) {
      if (decision.reason === 'forbidden_role') {
        throw new DomainError(
          'CASE_ROLE_FORBIDDEN',
          `Your role may not ${request.command.replace(/_/g, ' ')}`,
        );
      }
      throw invalidTransition(current.reference, current.status, describe(request.command));
    }
    const version = await this.cases.changeStatus(manager, {
      caseId: request.caseId,
      from: current.status,
      to: decision.to,
      outcome: decision.outcome,
      version: current.version,
    });
    if (version === undefined) {
      // Someone else changed the case between our read and our write: report what it is now.
      const now = await this.state(manager, request.caseId);
      if (request.expectedVersion !== undefined) throw versionMismatch(now.reference, now.version);
      throw invalidTransition(now.reference, now.status, describe(request.command));
    }
    const result: TransitionResult = {
      reference: current.reference,
      from: current.status,
      to: decision.to,
      outcome: decision.outcome,
      version,
    };
    // An outcome meets the outcome deadline; closure ends every clock.
    await this.deadlines.followStatus(manager, request.caseId, result.from, result.to);
    await this.record(manager, request, result);
    if (result.to === 'closed') {
      // What closure does to the layers above (remedies still on offer), in this transaction.
      await this.closureEffects.apply(manager, {
        id: request.caseId,
        reference: result.reference,
        command: request.command,
        outcome: result.outcome,
        actor: request.actor,
      });
    }
    return result;
  }

  private async record(
    manager: EntityManager,
    request: TransitionRequest,
    result: TransitionResult,
  ) {
    const change = {
      from: result.from,
      to: result.to,
      outcome: result.outcome,
      command: request.command,
    };
    await this.recorder.record(
      manager,
      { id: request.caseId, reference: result.reference },
      {
        actor: request.actor,
        timeline: {
          type: 'case.status_changed',
          audience: request.audience ?? 'everyone',
          body: request.reason,
          bodyAudience: reasonAudience(request.command),
          data: { ...change, ...request.details },
        },
        audit: {
          action: `case.${request.command}`,
          before: { status: result.from, version: result.version - 1 },
          after: {
            status: result.to,
            outcome: result.outcome,
            version: result.version,
            reason: request.reason,
            ...request.details,
          },
        },
        event: { type: 'case.status_changed', payload: { ...change, ...request.details } },
      },
    );
  }

  private async state(manager: EntityManager, caseId: string): Promise<CaseState> {
    const row = await this.cases.state(manager, caseId);
    if (!row) throw new DomainError('CASE_NOT_FOUND', 'No such case');
    return row;
  }
}

function actorRole(actor: ActorRef) {
  return actor.role;
}

function describe(command: CaseCommand): string {
  return command.replace(/_/g, ' ');
}
