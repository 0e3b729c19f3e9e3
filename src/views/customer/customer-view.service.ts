import { Inject, Injectable } from '@nestjs/common';
import { CaseEntity } from '../../cases/case.entity';
import { CaseStatus } from '../../cases/case-lifecycle';
import { CaseTimeline } from '../../cases/timeline/case-timeline';
import { TimelineEntryEntity } from '../../cases/timeline/timeline-entry.entity';
import { DeadlineKind } from '../../sla/deadline.entity';
import { ResolutionViewsService } from '../resolution/resolution-views.service';
import { DeadlinesService, DeadlineView } from '../../sla/deadlines.service';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ComplaintFactsPort } from '../../frontline/public/complaint-facts.port';
import { handlerName, nextStep, statusText, timelineText } from '../texts/customer-texts';
import { explainIntakeDecision } from '../texts/eligibility-explanation';
import { CustomerTimelineEntryDto, CustomerViewDto } from './customer-view.dto';
import { StaffNames } from '../../auth/staff-names';
import { DocumentViews } from '../../documents/views/document-views';

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
export class CustomerViewService {
  constructor(
    private readonly timeline: CaseTimeline,
    private readonly deadlines: DeadlinesService,
    private readonly resolution: ResolutionViewsService,
    private readonly complaints: ComplaintFactsPort,
    private readonly staff: StaffNames,
    private readonly documents: DocumentViews,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(c: CaseEntity): Promise<CustomerViewDto> {
    const [deadlines, entries, resolution, finalResponseAt, handler, documents] = await Promise.all(
      [
        this.deadlines.listForCase(c.id),
        this.timeline.list(c.id, 'customer'),
        this.resolution.forParties(c),
        this.finalResponseIfRefusedAsLate(c),
        this.handlerOf(c),
        this.documents.forParty(c, 'customer'),
      ],
    );
    return {
      reference: c.reference,
      status: c.status,
      outcome: c.outcome,
      ...textsFor(c, deadlines),
      explanation: explanationFor(c, deadlines, entries, finalResponseAt, this.config),
      handler,
      subject: c.subject,
      language: c.language,
      filedAt: c.createdAt.toISOString(),
      deadlines,
      timeline: entries.map((entry) => toCustomerEntry(c.language, entry)),
      ...resolution,
      documents,
    };
  }

  /**
   * Who handles the case, by name: the one given at assignment, else the one the officer last
   * carried in a token, else neutral words. Never the officer's id.
   */
  private async handlerOf(c: CaseEntity): Promise<{ name: string } | null> {
    if (!c.assignedOfficerId) return null;
    const name = c.assignedOfficerName ?? (await this.staff.knownName(c.assignedOfficerId));
    return { name: handlerName(c.language, name) };
  }

  /** Only a refusal for lateness needs the front line's facts: the date of its final response. */
  private async finalResponseIfRefusedAsLate(c: CaseEntity): Promise<Date | null> {
    if (!refusedAtIntakeAsLate(c) || !c.complaintReference) return null;
    const facts = await this.complaints.factsFor(c.complaintReference);
    return facts?.finalResponseAt ?? null;
  }
}

function isRefused(c: CaseEntity): boolean {
  return c.status === 'rejected' || (c.status === 'closed' && c.outcome === 'rejected');
}

function refusedAtIntakeAsLate(c: CaseEntity): boolean {
  return isRefused(c) && c.eligibilityReason === 'out_of_time';
}

/**
 * Why the case is refused, or with the company first: intake's own reasons, written out with their
 * dates, or else the reason the officer gave the customer when deciding so. Null in other statuses.
 */
function explanationFor(
  c: CaseEntity,
  deadlines: DeadlineView[],
  entries: TimelineEntryEntity[],
  finalResponseAt: Date | null,
  config: AppConfig,
): string | null {
  const referred = c.status === 'referred_to_frontline';
  if (!referred && !isRefused(c)) return null;
  const decidedAtIntake =
    (referred && c.eligibilityReason !== 'out_of_time') || refusedAtIntakeAsLate(c);
  const frontline = deadlines.find((d) => d.kind === 'frontline_response');
  const intake = decidedAtIntake
    ? explainIntakeDecision({
        language: c.language,
        eligibilityReason: c.eligibilityReason,
        complaintReference: c.complaintReference,
        finalResponseAt,
        frontlineDueAt: frontline ? new Date(frontline.dueAt) : undefined,
        filedAt: c.createdAt,
        timeLimitMonths: config.policy.escalationTimeLimitMonths,
      })
    : null;
  return intake ?? officersReason(entries, referred ? 'referred_to_frontline' : 'rejected');
}

/** The customer-visible reason of the latest move into `status`, if one was given. */
function officersReason(entries: TimelineEntryEntity[], status: CaseStatus): string | null {
  const move = entries.findLast(
    (e) => e.type === 'case.status_changed' && e.data.to === status && e.body,
  );
  return move?.body ?? null;
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
