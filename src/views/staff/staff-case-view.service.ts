import { Injectable } from '@nestjs/common';
import { ResolutionViewsService } from '../resolution/resolution-views.service';
import { DeadlinesService } from '../../sla/deadlines.service';
import { CaseEntity } from '../../cases/case.entity';
import { StaffCaseDto, StaffTimelineEntryDto } from './staff-case.dto';
import { TimelineEntryEntity } from '../../cases/timeline/timeline-entry.entity';
import { CaseTimeline } from '../../cases/timeline/case-timeline';
import { InformationRequestsService } from '../../cases/information-requests/information-requests.service';
import { DocumentViews } from '../../documents/views/document-views';

@Injectable()
export class StaffCaseViewService {
  constructor(
    private readonly timeline: CaseTimeline,
    private readonly deadlines: DeadlinesService,
    private readonly requests: InformationRequestsService,
    private readonly resolution: ResolutionViewsService,
    private readonly documents: DocumentViews,
  ) {}

  async build(c: CaseEntity): Promise<StaffCaseDto> {
    const [deadlines, entries, requests, resolution, documents] = await Promise.all([
      this.deadlines.listForCase(c.id),
      this.timeline.list(c.id, 'office'),
      this.requests.list(c.id),
      this.resolution.forStaff(c),
      this.documents.forStaff(c),
    ]);
    return {
      id: c.id,
      reference: c.reference,
      status: c.status,
      outcome: c.outcome,
      version: c.version,
      customer: { name: c.customerName, email: c.customerEmail, customerNumber: c.customerNumber },
      complaintReference: c.complaintReference,
      frontlineAgentId: c.frontlineAgentId,
      subject: c.subject,
      description: c.description,
      desiredOutcome: c.desiredOutcome,
      amountInDispute:
        c.amountMinor !== null && c.amountCurrency
          ? { amountMinor: c.amountMinor, currency: c.amountCurrency }
          : null,
      category: c.category,
      language: c.language,
      eligibilityReason: c.eligibilityReason,
      assignedOfficerId: c.assignedOfficerId,
      assignedOfficerName: c.assignedOfficerName,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      closedAt: c.closedAt?.toISOString() ?? null,
      waitingOnCustomer: requests.some((r) => r.party === 'customer' && r.status === 'open'),
      informationRequests: requests,
      deadlines,
      timeline: entries.map(staffTimelineEntry),
      ...resolution,
      documents,
    };
  }
}

/** A timeline entry as staff read it (the API shape, not the row: no internal case id). */
export function staffTimelineEntry(e: TimelineEntryEntity): StaffTimelineEntryDto {
  return {
    id: e.id,
    type: e.type,
    actorSub: e.actorSub,
    actorRole: e.actorRole,
    actorName: e.actorName,
    body: e.body,
    data: e.data,
    visibleToCustomer: e.visibleToCustomer,
    visibleToCompany: e.visibleToCompany,
    occurredAt: e.occurredAt.toISOString(),
  };
}
