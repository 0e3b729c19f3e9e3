import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ActorRef } from '../auth/actor';
import { Money } from '../common/money/money';
import { OutboxService } from '../notifications/outbox/outbox.service';
import { toComplaintDto } from './complaint-view';
import { complaintAlreadyAnswered, invalidRespondedAt } from './complaints.errors';
import { ComplaintsRepository, FinalResponseRow } from './complaints.repository';
import { ComplaintDto } from './dto/complaint.dto';

export interface FinalResponseInput {
  readonly text: string;
  readonly offer?: Money;
  readonly respondedAt?: Date;
}

// A client's clock may run a little ahead of ours; a response dated further ahead is a mistake.
const CLOCK_SKEW_MS = 5 * 60_000;

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
      if (complaint.finalResponseAt) {
        throw complaintAlreadyAnswered(reference, complaint.finalResponseAt);
      }
      const respondedAt = input.respondedAt ?? new Date();
      if (respondedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
        throw invalidRespondedAt('respondedAt must not be in the future');
      }
      if (respondedAt < complaint.receivedAt) {
        throw invalidRespondedAt('respondedAt must not be before the complaint was received');
      }
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
        after: { finalResponse: after.finalResponse },
      });
      await this.outbox.record(manager, {
        type: 'complaint.final_response',
        aggregateType: 'complaint',
        aggregateId: reference,
        payload: { id: after.id, reference, agentId: after.agentId, ...after.finalResponse },
      });
      return after;
    });
  }
}
