import { Injectable } from '@nestjs/common';
import { statusText } from '../texts/customer-texts';
import { ResolutionViewsService } from '../resolution/resolution-views.service';
import { DeadlinesService } from '../../sla/deadlines.service';
import { CaseEntity } from '../../cases/case.entity';
import { InformationRequestsService } from '../../cases/information-requests/information-requests.service';
import { CaseTimeline } from '../../cases/timeline/case-timeline';
import { DocumentViews } from '../../documents/views/document-views';
import { CompanyCaseViewDto } from './company-view.dto';

const COMPANY_ROLES = ['frontline_agent', 'integration'];

@Injectable()
export class CompanyCaseViewService {
  constructor(
    private readonly timeline: CaseTimeline,
    private readonly deadlines: DeadlinesService,
    private readonly requests: InformationRequestsService,
    private readonly resolution: ResolutionViewsService,
    private readonly documents: DocumentViews,
  ) {}

  async build(c: CaseEntity): Promise<CompanyCaseViewDto> {
    const [deadlines, entries, requests, resolution, documents] = await Promise.all([
      this.deadlines.listForCase(c.id),
      this.timeline.list(c.id, 'company'),
      this.requests.list(c.id, 'company'),
      this.resolution.forParties(c),
      this.documents.forParty(c, 'company'),
    ]);
    return {
      reference: c.reference,
      status: c.status,
      outcome: c.outcome,
      statusText: statusText('en', c.status, c.outcome),
      complaintReference: c.complaintReference,
      customer: { name: c.customerName, email: c.customerEmail, customerNumber: c.customerNumber },
      subject: c.subject,
      description: c.description,
      desiredOutcome: c.desiredOutcome,
      amountInDispute:
        c.amountMinor !== null && c.amountCurrency
          ? { amountMinor: c.amountMinor, currency: c.amountCurrency }
          : null,
      filedAt: c.createdAt.toISOString(),
      deadlines,
      messages: entries.map((e) => ({
        type: e.type,
        from: COMPANY_ROLES.includes(e.actorRole) ? 'company' : 'ombudsman',
        body: e.body,
        at: e.occurredAt.toISOString(),
      })),
      informationRequests: requests,
      ...resolution,
      documents,
    };
  }
}
