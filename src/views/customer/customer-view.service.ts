import { Inject, Injectable } from '@nestjs/common';
import { CaseEntity } from '../../cases/case.entity';
import { CaseStatus } from '../../cases/case-lifecycle';
import { CaseTimeline, withReadableBodies } from '../../cases/timeline/case-timeline';
import { TimelineEntryEntity } from '../../cases/timeline/timeline-entry.entity';
import { PartyResolution, ResolutionViewsService } from '../resolution/resolution-views.service';
import { DeadlineFacts, DeadlinesService, DeadlineView, toView } from '../../sla/deadlines.service';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ComplaintFactsPort } from '../../frontline/public/complaint-facts.port';
import { handlerName, timelineText } from '../texts/customer-texts';
import { textsFor } from './customer-step-texts';
import { explainIntakeDecision } from '../texts/eligibility-explanation';
import { CustomerTimelineEntryDto, CustomerViewDto } from './customer-view.dto';
import { StaffNames } from '../../auth/staff-names';
import { DocumentViews } from '../../documents/views/document-views';
import { DocumentFacts } from '../../documents/views/document-dto.mapper';
import { DocumentDto } from '../../documents/dto/document.dto';
import { Language } from '../texts/customer-texts';

/** The facts of a case its customer view shows. */
export type CustomerCaseFacts = Pick<
  CaseEntity,
  | 'id'
  | 'reference'
  | 'status'
  | 'outcome'
  | 'language'
  | 'subject'
  | 'createdAt'
  | 'closedAt'
  | 'assignedOfficerId'
  | 'assignedOfficerName'
  | 'eligibilityReason'
  | 'complaintReference'
>;

/** What the customer view shows of a timeline entry. */
export type CustomerEntryFacts = Pick<
  TimelineEntryEntity,
  'type' | 'actorRole' | 'body' | 'data' | 'occurredAt'
>;

/**
 * A case and what its customer view shows, read together in one query (the customer pages:
 * src/portal/portal-case.repository.ts): the deadlines, the entries the customer may see (bodies
 * not yet narrowed), the documents the customer may see, and whether mediation or a decision
 * exist at all, so their three reads happen only for the cases that have them.
 */
export interface CustomerCaseRead {
  readonly case: CustomerCaseFacts;
  readonly deadlines: readonly DeadlineFacts[];
  readonly timeline: readonly CustomerEntryFacts[];
  readonly documents: readonly DocumentFacts[];
  readonly hasResolution: boolean;
}

const NO_RESOLUTION: PartyResolution = { proposals: [], decision: null, remedies: [] };

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
    return compose(
      c,
      deadlines,
      entries,
      resolution,
      finalResponseAt,
      handler,
      documents,
      this.config,
    );
  }

  /**
   * The same view from a case read in one go, in `language` (the page's) when given. Only a case
   * with proposals or a decision, an unnamed handler or a refusal for lateness costs more reads.
   */
  async fromRead(read: CustomerCaseRead, language?: Language): Promise<CustomerViewDto> {
    const c = language ? { ...read.case, language } : read.case;
    const now = new Date();
    const [resolution, finalResponseAt, handler] = await Promise.all([
      read.hasResolution ? this.resolution.forParties(c) : NO_RESOLUTION,
      this.finalResponseIfRefusedAsLate(c),
      this.handlerOf(c),
    ]);
    return compose(
      c,
      read.deadlines.map((d) => toView(d, now)),
      withReadableBodies([...read.timeline], 'customer'),
      resolution,
      finalResponseAt,
      handler,
      this.documents.ofPartyRead(c, read.documents),
      this.config,
    );
  }

  /**
   * Who handles the case, by name: the one given at assignment, else the one the officer last
   * carried in a token, else neutral words. Never the officer's id.
   */
  private async handlerOf(c: CustomerCaseFacts): Promise<{ name: string } | null> {
    if (!c.assignedOfficerId) return null;
    const name = c.assignedOfficerName ?? (await this.staff.knownName(c.assignedOfficerId));
    return { name: handlerName(c.language, name) };
  }

  /** Only a refusal for lateness needs the front line's facts: the date of its final response. */
  private async finalResponseIfRefusedAsLate(c: CustomerCaseFacts): Promise<Date | null> {
    if (!refusedAtIntakeAsLate(c) || !c.complaintReference) return null;
    const facts = await this.complaints.factsFor(c.complaintReference);
    return facts?.finalResponseAt ?? null;
  }
}

function compose(
  c: CustomerCaseFacts,
  deadlines: DeadlineView[],
  entries: CustomerEntryFacts[],
  resolution: PartyResolution,
  finalResponseAt: Date | null,
  handler: { name: string } | null,
  documents: DocumentDto[],
  config: AppConfig,
): CustomerViewDto {
  return {
    reference: c.reference,
    status: c.status,
    outcome: c.outcome,
    ...textsFor(c, deadlines),
    explanation: explanationFor(c, deadlines, entries, finalResponseAt, config),
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

function isRefused(c: CustomerCaseFacts): boolean {
  return c.status === 'rejected' || (c.status === 'closed' && c.outcome === 'rejected');
}

function refusedAtIntakeAsLate(c: CustomerCaseFacts): boolean {
  return isRefused(c) && c.eligibilityReason === 'out_of_time';
}

/**
 * Why the case is refused, or with the company first: intake's own reasons, written out with their
 * dates, or else the reason the officer gave the customer when deciding so. Null in other statuses.
 */
function explanationFor(
  c: CustomerCaseFacts,
  deadlines: DeadlineView[],
  entries: CustomerEntryFacts[],
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
function officersReason(entries: CustomerEntryFacts[], status: CaseStatus): string | null {
  const move = entries.findLast(
    (e) => e.type === 'case.status_changed' && e.data.to === status && e.body,
  );
  return move?.body ?? null;
}

function toCustomerEntry(
  language: CaseEntity['language'],
  entry: CustomerEntryFacts,
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
