import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ActorRef } from '../auth/actor';
import { Money } from '../common/money/money';
import { OutboxService } from '../notifications/outbox/outbox.service';
import { ComplaintEntity } from './complaint.entity';
import { respondedAtRefusal } from './complaint-times';
import { toComplaintDto } from './complaint-view';
import { complaintAlreadyAnswered, invalidTime } from './complaints.errors';
import { ComplaintsRepository, FinalResponseRow } from './complaints.repository';
import { ComplaintDto } from './dto/complaint.dto';

export interface FinalResponseInput {
  readonly text: string;
  readonly offer?: Money;
  /** When it was sent to the customer: any time between receipt and now; now when absent. */
  readonly respondedAt?: Date;
}

/** The front line's one final response per complaint, and any offer with it. */
@Injectable()
export class FinalResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly complaints: ComplaintsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  respond(reference: string, input: FinalResponseInput, actor: ActorRef): Promise<ComplaintDto> {
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.complaints.mustFind(manager, reference);
      return this.record(manager, complaint, input, actor);
    });
  }

  /** Records the response in the caller's transaction, with its audit entry and event. */
  async record(
    manager: EntityManager,
    complaint: ComplaintEntity,
    input: FinalResponseInput,
    actor: ActorRef,
  ): Promise<ComplaintDto> {
    const { reference } = complaint;
    if (complaint.finalResponseAt) {
      throw complaintAlreadyAnswered(reference, complaint.finalResponseAt);
    }
    const now = new Date();
    const respondedAt = input.respondedAt ?? now;
    const refusal = respondedAtRefusal(respondedAt, complaint.receivedAt, now);
    if (refusal) throw invalidTime('respondedAt', refusal);
    const response: FinalResponseRow = {
      text: input.text,
      offer: input.offer ?? null,
      respondedAt,
      respondedBy: actor.sub,
    };
    // Two agents answering at once: the conditional update lets exactly one of them win.
    if (!(await this.complaints.recordFinalResponse(manager, complaint.id, response))) {
      const winner = await this.complaints.mustFind(manager, reference);
      throw complaintAlreadyAnswered(reference, winner.finalResponseAt);
    }
    const after = toComplaintDto({
      ...complaint,
      finalResponseText: response.text,
      finalResponseOfferMinor: response.offer?.amountMinor ?? null,
      finalResponseOfferCurrency: response.offer?.currency ?? null,
      finalResponseAt: respondedAt,
      finalResponseBy: actor.sub,
    });
    await this.audit.append(manager, {
      chainKey: `complaint:${reference}`,
      actor,
      action: 'complaint.final_response',
      before: { finalResponse: null },
      after: {
        finalResponse: after.finalResponse,
        // A date given by the caller is theirs to answer for, and says so on the record.
        ...(input.respondedAt ? { respondedAtSetBy: actor.sub } : {}),
      },
    });
    await this.outbox.record(manager, {
      type: 'complaint.final_response',
      aggregateType: 'complaint',
      aggregateId: reference,
      payload: { id: after.id, reference, agentId: after.agentId, ...after.finalResponse },
    });
    return after;
  }
}
