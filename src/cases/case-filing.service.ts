import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActorRef } from '../auth/actor';
import { Money } from '../common/money/money';
import { DeadlinesService, DeadlineView, NewDeadline } from '../sla/deadlines.service';
import { SlaPoliciesService } from '../sla/policies/sla-policies.service';
import { Eligibility } from './eligibility';
import { CaseRecorder } from './case-recorder';
import { CasesRepository } from './cases.repository';

export interface NewCase {
  readonly reference: string;
  readonly customer: {
    readonly name: string;
    readonly email: string;
    readonly customerNumber?: string;
  };
  readonly complaint: {
    readonly reference: string;
    readonly agentId: string;
    readonly responseDueAt: Date;
  } | null;
  readonly subject: string;
  readonly description: string;
  readonly desiredOutcome?: string;
  readonly amountInDispute?: Money;
  readonly category: string;
  readonly language: 'en' | 'ru' | 'zh';
  readonly eligibility: Eligibility;
  readonly accessTokenHash: Buffer;
  readonly filedAt: Date;
}

export interface FiledCase {
  readonly id: string;
  /** The deadlines the filing opened, as the customer sees them. */
  readonly deadlines: DeadlineView[];
}

/**
 * Records a new case with its first timeline entry, deadlines, audit entry and `case.submitted`
 * event, all in the caller's transaction.
 */
@Injectable()
export class CaseFilingService {
  constructor(
    private readonly recorder: CaseRecorder,
    private readonly cases: CasesRepository,
    private readonly deadlines: DeadlinesService,
    private readonly policies: SlaPoliciesService,
  ) {}

  async file(manager: EntityManager, input: NewCase, actor: ActorRef): Promise<FiledCase> {
    const { eligibility } = input;
    const id = await this.cases.insert(manager, {
      reference: input.reference,
      status: eligibility.status,
      customerName: input.customer.name,
      customerEmail: input.customer.email,
      customerNumber: input.customer.customerNumber ?? null,
      complaintReference: input.complaint?.reference ?? null,
      frontlineAgentId: input.complaint?.agentId ?? null,
      subject: input.subject,
      description: input.description,
      desiredOutcome: input.desiredOutcome ?? null,
      amountMinor: input.amountInDispute?.amountMinor ?? null,
      amountCurrency: input.amountInDispute?.currency ?? null,
      category: input.category,
      language: input.language,
      eligibilityReason: eligibility.reason,
      accessTokenHash: input.accessTokenHash,
      filedAt: input.filedAt,
    });

    const first: Omit<NewDeadline, 'caseId'>[] = [
      {
        kind: 'acknowledge',
        party: 'office',
        startedAt: input.filedAt,
        dueAt: await this.policies.dueAt('acknowledge', input.filedAt, manager),
      },
    ];
    if (eligibility.status === 'referred_to_frontline' && input.complaint) {
      first.push({
        kind: 'frontline_response',
        party: 'company',
        startedAt: input.filedAt,
        dueAt: new Date(Math.max(input.complaint.responseDueAt.getTime(), input.filedAt.getTime())),
      });
    }
    const deadlines = await this.deadlines.openAll(manager, id, first);
    const summary = {
      reference: input.reference,
      status: eligibility.status,
      eligibility: eligibility.reason,
      complaintReference: input.complaint?.reference ?? null,
      category: input.category,
      language: input.language,
    };
    await this.recorder.record(
      manager,
      { id, reference: input.reference },
      {
        actor,
        timeline: {
          type: 'case.submitted',
          audience: 'everyone',
          data: { status: eligibility.status, eligibility: eligibility.reason },
        },
        audit: { action: 'case.submitted', after: summary, startsChain: true },
        event: { type: 'case.submitted', payload: summary },
      },
    );
    return { id, deadlines };
  }
}
