import { Injectable } from '@nestjs/common';
import { CaseEntity } from '../cases/case.entity';
import { CaseStatus } from '../cases/case-lifecycle';
import { CaseTimeline } from '../cases/timeline/case-timeline';
import { TimelineEntryEntity } from '../cases/timeline/timeline-entry.entity';
import { DeadlineKind } from '../sla/deadline.entity';
import { ResolutionViews } from '../compensation/views/resolution-views';
import { DeadlinesService, DeadlineView } from '../sla/deadlines.service';
import { nextStep, statusText, timelineText } from './customer-texts';
import { CustomerTimelineEntryDto, CustomerViewDto } from './dto/customer-view.dto';

/** The deadline the customer is waiting on in each status. */
const CURRENT_DEADLINE: Partial<Record<CaseStatus, DeadlineKind>> = {
  submitted: 'acknowledge',
  referred_to_frontline: 'frontline_response',
  accepted: 'outcome',
  investigation: 'outcome',
  mediation: 'outcome',
  decision_issued: 'decision_answer',
  settled: 'remedy_payment',
  fulfilment: 'remedy_payment',
};

export interface CustomerTexts {
  readonly statusText: string;
  readonly nextStep: string;
}

/** Texts for the case in its language, with the date of the step it is waiting on. */
export function textsFor(
  c: Pick<CaseEntity, 'status' | 'outcome' | 'language'>,
  deadlines: DeadlineView[],
): CustomerTexts {
  const kind = CURRENT_DEADLINE[c.status];
  const current = deadlines.find((d) => d.kind === kind && d.metAt === null);
  const due = current ? new Date(current.dueAt) : undefined;
  return {
    statusText: statusText(c.language, c.status, c.outcome),
    nextStep: nextStep(c.language, c.status, c.outcome, { dueAt: due, frontlineDueAt: due }),
  };
}

/** Builds the customer view: never internal notes, never staff identifiers. */
@Injectable()
export class CustomerViewBuilder {
  constructor(
    private readonly timeline: CaseTimeline,
    private readonly deadlines: DeadlinesService,
    private readonly resolution: ResolutionViews,
  ) {}

  async build(c: CaseEntity): Promise<CustomerViewDto> {
    const [deadlines, entries, resolution] = await Promise.all([
      this.deadlines.listForCase(c.id),
      this.timeline.list(c.id, 'customer'),
      this.resolution.forParties(c),
    ]);
    return {
      reference: c.reference,
      status: c.status,
      outcome: c.outcome,
      ...textsFor(c, deadlines),
      handler: c.assignedOfficerName ? { name: c.assignedOfficerName } : null,
      subject: c.subject,
      language: c.language,
      filedAt: c.createdAt.toISOString(),
      deadlines,
      timeline: entries.map((entry) => toCustomerEntry(c.language, entry)),
      ...resolution,
    };
  }
}

function toCustomerEntry(
  language: CaseEntity['language'],
  entry: TimelineEntryEntity,
): CustomerTimelineEntryDto {
  const by =
    entry.actorRole === 'customer'
      ? 'you'
      : ['frontline_agent', 'integration'].includes(entry.actorRole)
        ? 'company'
        : 'ombudsman';
  // Bodies the customer wrote, or that were written to them, are theirs to read; reasons of
  // status changes are addressed to them too.
  return {
    type: entry.type,
    text: timelineText(language, entry.type),
    body: entry.body,
    by,
    at: entry.occurredAt.toISOString(),
  };
}
