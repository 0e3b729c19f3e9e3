import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RecordedActor } from '../../auth/actor';
import { DomainError } from '../../common/errors/domain-error';
import { DeadlinesService } from '../../sla/deadlines.service';
import { SlaPoliciesService } from '../../sla/policies/sla-policies.service';
import { CaseEntity } from '../case.entity';
import { isOpen } from '../case-lifecycle';
import { invalidTransition } from '../cases.errors';
import {
  CreateInformationRequestDto,
  InformationRequestDto,
  Party,
} from '../dto/information-request.dto';
import { CustomerWaitClock } from './customer-wait-clock';
import { CaseRecorder } from '../case-recorder';
import { InformationRequestsRepository, RequestRow } from './information-requests.repository';

/**
 * Questions to a party. An open question to the customer means the case waits on the customer;
 * the customer's next message, or the company's response, answers it.
 */
@Injectable()
export class InformationRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly deadlines: DeadlinesService,
    private readonly policies: SlaPoliciesService,
    private readonly clock: CustomerWaitClock,
    private readonly requests: InformationRequestsRepository,
  ) {}

  async ask(
    c: CaseEntity,
    body: CreateInformationRequestDto,
    actor: RecordedActor,
  ): Promise<InformationRequestDto> {
    if (!isOpen(c.status)) throw invalidTransition(c.reference, c.status, 'asked for information');
    const now = new Date();
    const dueAt = body.dueAt
      ? new Date(body.dueAt)
      : await this.policies.dueAt('information_request', now);
    if (dueAt <= now) {
      throw new DomainError('VALIDATION_FAILED', 'dueAt must be in the future', {}, [
        { field: 'dueAt', message: 'dueAt must be in the future' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const row = await this.requests.insert(manager, {
        caseId: c.id,
        party: body.party,
        question: body.question,
        askedBy: actor.sub,
        askedAt: now,
        dueAt,
      });
      await this.deadlines.open(manager, {
        caseId: c.id,
        kind: 'information_request',
        party: body.party,
        startedAt: now,
        dueAt,
        subjectId: row.id,
      });
      if (body.party === 'customer') await this.clock.stop(manager, c, actor, now, row.id);
      const due = dueAt.toISOString();
      await this.recorder.record(manager, c, {
        actor,
        timeline: {
          type: `information_request.${body.party}`,
          audience: body.party,
          body: body.question,
          data: { informationRequestId: row.id, dueAt: due },
        },
        audit: {
          action: 'information_request.created',
          after: { id: row.id, party: body.party, dueAt: due },
        },
        event: {
          type: 'information_request.created',
          payload: { informationRequestId: row.id, party: body.party, dueAt: due },
        },
      });
      return toDto(row);
    });
  }

  /**
   * Answers the named open request of this party, or its oldest open one; returns the id
   * answered, or null when nothing was open (the text is then just a message).
   */
  async answer(
    manager: EntityManager,
    c: CaseEntity,
    party: Party,
    answer: { text: string; by: string; informationRequestId?: string },
  ): Promise<string | null> {
    const answered = await this.requests.answer(manager, {
      caseId: c.id,
      party,
      text: answer.text,
      by: answer.by,
      requestId: answer.informationRequestId ?? null,
    });
    if (!answered && answer.informationRequestId) {
      throw new DomainError(
        'INFORMATION_REQUEST_NOT_OPEN',
        'That information request is not open, or not addressed to you',
        {
          informationRequestId: answer.informationRequestId,
        },
      );
    }
    if (answered) await this.deadlines.meetSubject(manager, answered);
    if (answered && party === 'customer') {
      const customer = { sub: answer.by, role: 'customer' } as const;
      await this.clock.restart(manager, c, customer, new Date(), answered);
    }
    return answered;
  }

  async list(caseId: string, party?: Party): Promise<InformationRequestDto[]> {
    return (await this.requests.list(caseId, party ?? null)).map(toDto);
  }
}

function toDto(row: RequestRow): InformationRequestDto {
  return {
    id: row.id,
    party: row.party,
    question: row.question,
    askedAt: row.askedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    status: row.answeredAt ? 'answered' : 'open',
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answer: row.answer,
  };
}
