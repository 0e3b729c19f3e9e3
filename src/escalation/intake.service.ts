import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorRef } from '../auth/actor';
import { newAccessToken } from '../cases/case-access-token';
import { CaseFilingService } from '../cases/case-filing.service';
import { CaseReferenceAllocator } from '../cases/case-reference.allocator';
import { assessEligibility } from '../cases/eligibility';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ComplaintFacts, ComplaintFactsPort } from '../frontline/public/complaint-facts.port';
import { textsFor } from '../views/customer/customer-step-texts';
import { explainIntakeDecision } from '../views/texts/eligibility-explanation';
import { FileEscalationDto } from './dto/file-escalation.dto';
import { EscalationReceiptDto } from '../views/customer/customer-view.dto';
import { unitOfWork } from '../database/unit-of-work';

/**
 * Files a dispute: checks eligibility against the front line's facts, opens a front-line
 * complaint when there is none, and records the case, all in the caller's transaction.
 */
@Injectable()
export class IntakeService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly complaints: ComplaintFactsPort,
    private readonly references: CaseReferenceAllocator,
    private readonly filing: CaseFilingService,
  ) {}

  /**
   * Everything a filing needs that is not part of its transaction, done before it opens (so that
   * the transaction never waits for a second connection): the year's reference sequence, and the
   * linked complaint. A filer may link only their own complaint; someone else's gets the very
   * answer an unknown reference gets (422), so references cannot be probed for their owners or
   * dates.
   */
  async prepare(body: FileEscalationDto): Promise<ComplaintFacts | null> {
    await this.references.prepare(new Date());
    if (!body.complaintReference) return null;
    const facts = await this.complaints.factsForClaimant(body.complaintReference, body.customer);
    if (!facts) {
      throw new DomainError(
        'COMPLAINT_REFERENCE_UNKNOWN',
        `We found no front-line complaint ${body.complaintReference} made with your e-mail address or customer number. Check the reference and the details on the company's answer, or leave the reference out.`,
        {},
        [
          {
            field: 'complaintReference',
            message: 'no front-line complaint of yours has this reference',
          },
        ],
      );
    }
    return facts;
  }

  async file(
    manager: EntityManager,
    body: FileEscalationDto,
    linked: ComplaintFacts | null,
  ): Promise<EscalationReceiptDto> {
    const now = new Date();
    const reference = await this.references.next(manager, now);
    const complaint =
      linked ??
      (await this.complaints.openFromFiling(unitOfWork(manager), {
        customer: body.customer,
        subject: body.subject,
        description: body.description,
        caseReference: reference,
      }));
    const eligibility = linked
      ? assessEligibility({
          complaint: linked,
          now,
          timeLimitMonths: this.config.policy.escalationTimeLimitMonths,
        })
      : ({ status: 'referred_to_frontline', reason: 'no_frontline_complaint' } as const);
    const { token, hash } = newAccessToken();
    const language = body.preferredLanguage ?? 'en';
    const { id: caseId, deadlines } = await this.filing.file(
      manager,
      {
        reference,
        customer: body.customer,
        complaint,
        subject: body.subject,
        description: body.description,
        desiredOutcome: body.desiredOutcome,
        amountInDispute: body.amountInDispute,
        category: body.category,
        language,
        eligibility,
        accessTokenHash: hash,
        filedAt: now,
      },
      customerActor(reference),
    );
    const frontlineDue = deadlines.find((d) => d.kind === 'frontline_response')?.dueAt;
    return {
      id: caseId,
      reference,
      accessToken: token,
      status: eligibility.status,
      ...textsFor({ status: eligibility.status, outcome: null, language }, deadlines),
      explanation: explainIntakeDecision({
        language,
        eligibilityReason: eligibility.reason,
        complaintReference: complaint.reference,
        finalResponseAt: complaint.finalResponseAt,
        frontlineDueAt: frontlineDue ? new Date(frontlineDue) : undefined,
        filedAt: now,
        timeLimitMonths: this.config.policy.escalationTimeLimitMonths,
      }),
      complaintReference: complaint.reference,
      deadlines,
    };
  }
}

function customerActor(reference: string): ActorRef {
  return { sub: `customer:${reference}`, role: 'customer' };
}
