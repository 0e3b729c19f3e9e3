import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorRef } from '../../auth/actor';
import { DeadlinesService } from '../../sla/deadlines.service';
import { CaseRecorder, RecordedCase } from '../case-recorder';

/**
 * While the case waits on the customer the office's and the company's clocks stand still
 * (docs/architecture.md, "Deadlines"). Each stop and restart is on the timeline and in the audit log, in the caller's
 * transaction (the question asked, or the answer given).
 */
@Injectable()
export class CustomerWaitClock {
  constructor(
    private readonly recorder: CaseRecorder,
    private readonly deadlines: DeadlinesService,
  ) {}

  async stop(
    manager: EntityManager,
    c: RecordedCase,
    actor: ActorRef,
    at: Date,
    informationRequestId: string,
  ): Promise<void> {
    const paused = await this.deadlines.pauseForCustomer(manager, c.id, at);
    if (paused.length > 0) {
      await this.record(manager, c, actor, 'sla.paused', {
        informationRequestId,
        at: at.toISOString(),
        deadlines: paused,
      });
    }
  }

  /** Restarts the clocks when the customer's last open question is answered. */
  async restart(
    manager: EntityManager,
    c: RecordedCase,
    actor: ActorRef,
    at: Date,
    informationRequestId: string,
  ): Promise<void> {
    const resumed = await this.deadlines.resumeAfterCustomer(manager, c.id, at);
    if (resumed.length > 0) {
      await this.record(manager, c, actor, 'sla.resumed', {
        informationRequestId,
        at: at.toISOString(),
        deadlines: resumed,
      });
    }
  }

  private async record(
    manager: EntityManager,
    c: RecordedCase,
    actor: ActorRef,
    type: 'sla.paused' | 'sla.resumed',
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.recorder.record(manager, c, {
      actor,
      timeline: { type, audience: 'everyone', data },
      audit: { action: type, after: data },
    });
  }
}
