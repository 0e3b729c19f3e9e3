import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RecordedActor } from '../../auth/actor';
import { DomainError } from '../../common/errors/domain-error';
import { DeadlinesService } from '../../sla/deadlines.service';
import { SlaPolicies } from '../../sla/policies/sla-policies.service';
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

interface RequestRow {
  id: string;
  party: Party;
  question: string;
  asked_at: Date;
  due_at: Date;
  answered_at: Date | null;
  answer: string | null;
}

/**
 * Questions to a party. An open question to the customer means the case waits on the customer;
 * the customer's next message, or the company's response, answers it.
 */
@Injectable()
export class InformationRequests {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly deadlines: DeadlinesService,
    private readonly policies: SlaPolicies,
    private readonly clock: CustomerWaitClock,
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
      const [row] = (await manager.query(
        `INSERT INTO information_request (case_id, party, question, asked_by, asked_at, due_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [c.id, body.party, body.question, actor.sub, now, dueAt],
      )) as RequestRow[];
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
    const rows = (await manager.query(
      `UPDATE information_request SET answered_at = now(), answer = $3, answered_by = $4
        WHERE id = (SELECT id FROM information_request
                     WHERE case_id = $1 AND party = $2 AND answered_at IS NULL AND ($5::uuid IS NULL OR id = $5)
                     ORDER BY asked_at LIMIT 1 FOR UPDATE)
        RETURNING id`,
      [c.id, party, answer.text, answer.by, answer.informationRequestId ?? null],
    )) as [{ id: string }[], number];
    const answered = rows[0][0]?.id ?? null;
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
    const rows = (await this.dataSource.query(
      `SELECT * FROM information_request WHERE case_id = $1 AND ($2::text IS NULL OR party = $2) ORDER BY asked_at`,
      [caseId, party ?? null],
    )) as RequestRow[];
    return rows.map(toDto);
  }
}

function toDto(row: RequestRow): InformationRequestDto {
  return {
    id: row.id,
    party: row.party,
    question: row.question,
    askedAt: row.asked_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    status: row.answered_at ? 'answered' : 'open',
    answeredAt: row.answered_at?.toISOString() ?? null,
    answer: row.answer,
  };
}
