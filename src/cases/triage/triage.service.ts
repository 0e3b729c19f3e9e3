import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StaffActor, namedRef } from '../../auth/actor';
import { DomainError } from '../../common/errors/domain-error';
import { DeadlinesService } from '../../sla/deadlines.service';
import { SlaPoliciesService } from '../../sla/policies/sla-policies.service';
import { CaseAcknowledgement } from '../case-acknowledgement';
import { CaseEntity } from '../case.entity';
import { CaseCommand } from '../case-lifecycle';
import { CaseTransitionsService } from '../case-transitions.service';
import { TriageCaseDto } from '../dto/triage-case.dto';
import { DEFAULT_REJECTION_CODE } from './rejection-code';
import { CasesRepository } from '../cases.repository';

/** An officer's triage of a submitted case: accept it, send it to the front line, or reject it. */
@Injectable()
export class TriageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionsService,
    private readonly deadlines: DeadlinesService,
    private readonly policies: SlaPoliciesService,
    private readonly acknowledgement: CaseAcknowledgement,
    private readonly cases: CasesRepository,
  ) {}

  triage(
    c: CaseEntity,
    body: TriageCaseDto,
    actor: StaffActor,
    expectedVersion?: number,
  ): Promise<void> {
    const command = this.commandFor(c, body, actor);
    const rejectionCode =
      body.decision === 'reject' ? (body.rejectionCode ?? DEFAULT_REJECTION_CODE) : undefined;
    return this.dataSource.transaction(async (manager) => {
      await this.transitions.apply(
        {
          caseId: c.id,
          command,
          actor: namedRef(actor),
          expectedVersion,
          reason: body.reason,
          details: {
            triage: body.decision,
            discretion: command === 'accept_with_discretion',
            ...(rejectionCode ? { rejectionCode } : {}),
          },
        },
        manager,
      );
      if (rejectionCode) {
        await this.cases.setRejectionCode(manager, c.id, rejectionCode);
      }
      await this.acknowledgement.acknowledge(manager, c.id);
      await this.openDeadlines(manager, c.id, body.decision);
    });
  }

  private commandFor(c: CaseEntity, body: TriageCaseDto, actor: StaffActor): CaseCommand {
    if (body.rejectionCode && body.decision !== 'reject') {
      const message = 'rejectionCode goes only with decision reject';
      throw new DomainError('VALIDATION_FAILED', message, {}, [
        { field: 'rejectionCode', message },
      ]);
    }
    const late = c.eligibilityReason === 'out_of_time';
    if (body.decision !== 'accept') return body.decision;
    if (!late && !body.discretion) return 'accept';
    if (!body.discretion) {
      throw new DomainError(
        'CASE_INVALID_TRANSITION',
        `Case ${c.reference} was brought out of time: accepting it is the ombudsman's discretion (send discretion: true)`,
        { currentStatus: c.status },
      );
    }
    if (!actor.roles.includes('ombudsman')) {
      throw new DomainError(
        'CASE_ROLE_FORBIDDEN',
        'Only an ombudsman may accept a case with discretion',
      );
    }
    return 'accept_with_discretion';
  }

  /** Accepting completes the file: the outcome clock starts. Referring gives the front line its time. */
  private async openDeadlines(
    manager: EntityManager,
    caseId: string,
    decision: TriageCaseDto['decision'],
  ) {
    const now = new Date();
    if (decision === 'accept') {
      await this.deadlines.open(manager, {
        caseId,
        kind: 'outcome',
        party: 'office',
        startedAt: now,
        dueAt: await this.policies.dueAt('outcome', now, manager),
      });
    }
    if (decision === 'refer_to_frontline') {
      await this.deadlines.open(manager, {
        caseId,
        kind: 'frontline_response',
        party: 'company',
        startedAt: now,
        dueAt: await this.policies.dueAt('frontline_response', now, manager),
      });
    }
  }
}
