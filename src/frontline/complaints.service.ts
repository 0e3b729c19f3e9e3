import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ActorRef } from '../auth/actor';
import { Page } from '../common/pagination/cursor';
import { OutboxService } from '../notifications/outbox/outbox.service';
import { SlaPoliciesService } from '../sla/policies/sla-policies.service';
import { ComplaintEntity } from './complaint.entity';
import { decodeComplaintCursor, encodeComplaintCursor } from './complaint-cursor';
import { receivedAtRefusal } from './complaint-times';
import { toComplaintDto } from './complaint-view';
import { invalidTime } from './complaints.errors';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintDto } from './dto/complaint.dto';

/** What a new complaint is made of, whoever opens it (an agent, an integration, the ombudsman). */
export interface ComplaintDraft {
  readonly customer: {
    readonly name: string;
    readonly email: string;
    readonly customerNumber?: string;
  };
  readonly subject: string;
  readonly description: string;
  readonly source: string;
  readonly externalId?: string;
  readonly agentId: string;
  readonly channel?: string;
  /** When the front line received it, if earlier than now (a CRM pushing its history). */
  readonly receivedAt?: Date;
}

export interface Opened {
  readonly complaint: ComplaintEntity;
  /** False when the source had already pushed this externalId: nothing was changed. */
  readonly created: boolean;
}

const DEFAULT_LIMIT = 25;

@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: SlaPoliciesService,
    private readonly complaints: ComplaintsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  create(draft: ComplaintDraft, actor: ActorRef): Promise<Opened> {
    return this.dataSource.transaction((manager) => this.open(manager, draft, actor));
  }

  /** Opens a complaint in the caller's transaction, with its audit entry and event. */
  async open(manager: EntityManager, draft: ComplaintDraft, actor: ActorRef): Promise<Opened> {
    const receivedAt = draft.receivedAt ?? new Date();
    if (draft.receivedAt) {
      const refusal = receivedAtRefusal(draft.receivedAt, new Date());
      if (refusal) throw invalidTime('receivedAt', refusal);
    }
    const draftRow: Omit<ComplaintEntity, 'reference'> = {
      id: randomUUID(),
      source: draft.source,
      externalId: draft.externalId ?? null,
      customerName: draft.customer.name,
      customerEmail: draft.customer.email,
      customerNumber: draft.customer.customerNumber ?? null,
      subject: draft.subject,
      description: draft.description,
      channel: draft.channel ?? null,
      agentId: draft.agentId,
      receivedAt,
      responseDueAt: await this.policies.dueAt('frontline_response', receivedAt, manager),
      finalResponseText: null,
      finalResponseOfferMinor: null,
      finalResponseOfferCurrency: null,
      finalResponseAt: null,
      finalResponseBy: null,
    };
    const reference = await this.complaints.insertUnlessKnown(manager, draftRow);
    if (reference === null) {
      return { complaint: await this.existing(manager, draft), created: false };
    }
    const complaint: ComplaintEntity = { ...draftRow, reference };
    const view = toComplaintDto(complaint);
    await this.audit.startChain(manager, {
      chainKey: `complaint:${complaint.reference}`,
      actor,
      action: 'complaint.created',
      // A receipt time given by the caller is theirs to answer for, and says so on the record.
      after: draft.receivedAt ? { ...view, receivedAtSetBy: actor.sub } : view,
    });
    await this.outbox.record(manager, {
      type: 'complaint.created',
      aggregateType: 'complaint',
      aggregateId: complaint.reference,
      payload: {
        id: view.id,
        reference: view.reference,
        source: view.source,
        externalId: view.externalId,
        channel: view.channel,
        agentId: view.agentId,
        receivedAt: view.receivedAt,
        responseDueAt: view.responseDueAt,
      },
    });
    return { complaint, created: true };
  }

  private async existing(manager: EntityManager, draft: ComplaintDraft): Promise<ComplaintEntity> {
    const found = draft.externalId
      ? await this.complaints.findByExternalId(manager, draft.source, draft.externalId)
      : null;
    // Only the (source, external_id) index can make the insert do nothing, and that row is committed.
    if (!found) throw new Error('A complaint insert did nothing, yet no complaint holds its key');
    return found;
  }

  async get(reference: string): Promise<ComplaintDto> {
    return toComplaintDto(await this.complaints.mustFind(this.dataSource.manager, reference));
  }

  async list(limit = DEFAULT_LIMIT, cursor?: string): Promise<Page<ComplaintDto>> {
    const after = cursor === undefined ? null : decodeComplaintCursor(cursor);
    const rows = await this.complaints.listAfter(this.dataSource.manager, after, limit);
    const hasMore = rows.length > limit;
    const served = hasMore ? rows.slice(0, limit) : rows;
    return {
      items: served.map(toComplaintDto),
      nextCursor: hasMore ? encodeComplaintCursor(served[served.length - 1]) : null,
    };
  }
}
