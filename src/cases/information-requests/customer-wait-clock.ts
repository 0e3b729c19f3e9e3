import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorRef } from '../../auth/actor';
import { AuditService } from '../../audit/audit.service';
import { DeadlinesService } from '../../sla/deadlines.service';
import { CaseTimeline } from '../timeline/case-timeline';

/**
 * While the case waits on the customer the office's and the company's clocks stand still
 * (docs/architecture.md, "Deadlines"). Each stop and restart is on the timeline and in the audit log, in the caller's
 * transaction (the question asked, or the answer given).
 */
@Injectable()
export class CustomerWaitClock {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly timeline: CaseTimeline,
    private readonly audit: AuditService,
  ) {}

  async stop(
    manager: EntityManager,
    caseId: string,
    actor: ActorRef,
    at: Date,
    informationRequestId: string,
  ): Promise<void> {
    const paused = await this.deadlines.pauseForCustomer(manager, caseId, at);
    if (paused.length > 0) {
      await this.record(manager, caseId, actor, 'sla.paused', {
        informationRequestId,
        at: at.toISOString(),
        deadlines: paused,
      });
    }
  }

  /** Restarts the clocks when the customer's last open question is answered. */
  async restart(
    manager: EntityManager,
    caseId: string,
    actor: ActorRef,
    at: Date,
    informationRequestId: string,
  ): Promise<void> {
    const resumed = await this.deadlines.resumeAfterCustomer(manager, caseId, at);
    if (resumed.length > 0) {
      await this.record(manager, caseId, actor, 'sla.resumed', {
        informationRequestId,
        at: at.toISOString(),
        deadlines: resumed,
      });
    }
  }

  private async record(
    manager: EntityManager,
    caseId: string,
    actor: ActorRef,
    type: 'sla.paused' | 'sla.resumed',
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.timeline.add(manager, { caseId, type, actor, audience: 'everyone', data });
    await this.audit.append(manager, { chainKey: caseId, actor, action: type, after: data });
  }
}
